package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An alert that became part of the incident, as the monitoring system described it. */
public record IncidentAlert(
        String dedupKey,
        String summary,
        Severity severity,
        String source,
        List<Link> links,
        Instant startedAt) {

    /** The order a post-mortem lists alerts in: the earliest start first, those without a start last. */
    public static final Comparator<IncidentAlert> ORDER = Comparator
            .comparing(IncidentAlert::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IncidentAlert::dedupKey);

    public IncidentAlert {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static IncidentAlert of(AlertAttached attached) {
        List<Link> links = attached.links() == null ? List.of()
                : attached.links().stream().map(link -> new Link(link.href(), link.text())).toList();
        return new IncidentAlert(attached.dedupKey(), attached.summary(), attached.severity(), attached.source(), links,
                Timeline.atMillis(attached.startedAt()));
    }
}
