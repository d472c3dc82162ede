package io.oncallhq.incident.correlation;

import io.oncallhq.incident.incident.Incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which incident a triggered alert belongs to, in this order: the open incident holding its dedup key;
 * the recently resolved incident holding it, when the service holds incidents open against flapping; the newest open
 * incident whose first alert is within the service's grouping window; otherwise a new incident.
 */
final class Correlator {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * A service's correlation settings.
     *
     * @param groupingWindow null: only the same dedup key joins an incident
     * @param flapHoldOpen   null: a resolved incident never reopens by itself
     */
    record Settings(Duration groupingWindow, Duration flapHoldOpen) {

        static final Settings OFF = new Settings(null, null);
    }

    /**
     * @param openIncidents    the service's incidents that are not resolved, oldest first
     * @param resolvedHolding  the service's most recently resolved incident holding the dedup key, if any
     */
    CorrelationDecision decide(String dedupKey, List<Incident> openIncidents, Optional<Incident> resolvedHolding,
                               Settings settings, Instant now) {
        Optional<Incident> holding = openIncidents.stream()
                .filter(Incident::isOpen)
                .filter(incident -> incident.hasAlert(dedupKey))
                .findFirst();
        if (holding.isPresent()) {
            return new CorrelationDecision.AttachTo(holding.get().id(), null);
        }
        if (settings.flapHoldOpen() != null && resolvedHolding.isPresent()
                && !resolvedHolding.get().resolvedAt().plus(settings.flapHoldOpen()).isBefore(now)) {
            return new CorrelationDecision.ReopenFlapping(resolvedHolding.get().id());
        }
        if (settings.groupingWindow() != null) {
            Optional<Incident> recent = openIncidents.stream()
                    .filter(Incident::isOpen)
                    .filter(incident -> !incident.triggeredAt().plus(settings.groupingWindow()).isBefore(now))
                    .max(Comparator.comparing(Incident::triggeredAt));
            if (recent.isPresent()) {
                return new CorrelationDecision.AttachTo(recent.get().id(), "grouped: within "
                        + settings.groupingWindow().toMinutes() + " min of the incident's first alert at "
                        + TIME_OF_DAY.format(recent.get().triggeredAt()));
            }
        }
        return new CorrelationDecision.OpenNew();
    }
}
