package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an incident keeps of its alerts, which are stored beside it: how many fire and how many are over, the highest
 * severity among them, the first one and the newest few. Its size does not grow with the alerts, so neither does the
 * cost of one more.
 *
 * @param newest the latest attached, oldest first, at most {@link #NEWEST_KEPT}
 * @param highestSeverity null while the incident has no alert
 */
public record AlertSummary(int firing, int resolved, Severity highestSeverity, IncidentAlert first,
                           List<IncidentAlert> newest) {

    static final int NEWEST_KEPT = 5;
    static final AlertSummary NONE = new AlertSummary(0, 0, null, null, List.of());

    /** For alerts stored inside the incident before they had documents of their own, in the order attached. */
    static AlertSummary of(List<IncidentAlert> alerts) {
        AlertSummary summary = NONE;
        for (IncidentAlert alert : alerts) {
            summary = summary.attached(alert);
        }
        return summary;
    }

    public int total() {
        return firing + resolved;
    }

    boolean allResolved() {
        return firing == 0;
    }

    AlertSummary attached(IncidentAlert alert) {
        List<IncidentAlert> latest = new ArrayList<>(newest);
        latest.add(alert);
        if (latest.size() > NEWEST_KEPT) {
            latest.removeFirst();
        }
        Severity highest = highestSeverity == null || alert.severity() != null
                && alert.severity().compareTo(highestSeverity) < 0 ? alert.severity() : highestSeverity;
        return new AlertSummary(firing + (alert.isFiring() ? 1 : 0), resolved + (alert.isFiring() ? 0 : 1), highest,
                first == null ? alert : first, List.copyOf(latest));
    }

    /** A known alert changed (fired again, or is over): the counts move with its state, the copies kept follow it. */
    AlertSummary changed(IncidentAlert before, IncidentAlert after) {
        int nowFiring = (after.isFiring() ? 1 : 0) - (before.isFiring() ? 1 : 0);
        return new AlertSummary(firing + nowFiring, resolved - nowFiring, highestSeverity,
                first != null && first.dedupKey().equals(after.dedupKey()) ? after : first,
                newest.stream().map(kept -> kept.dedupKey().equals(after.dedupKey()) ? after : kept).toList());
    }

    /** The first alert and the newest ones, each once, in the order they were attached. */
    List<IncidentAlert> firstAndNewest() {
        Map<String, IncidentAlert> byDedupKey = new LinkedHashMap<>();
        Stream.concat(Stream.ofNullable(first), newest.stream()).forEach(alert -> byDedupKey.put(alert.dedupKey(), alert));
        return byDedupKey.values().stream().sorted(Comparator.comparing(IncidentAlert::number)).toList();
    }
}
