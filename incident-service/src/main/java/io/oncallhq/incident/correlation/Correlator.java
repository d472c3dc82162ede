package io.oncallhq.incident.correlation;

import io.oncallhq.incident.lifecycle.Incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Decides which incident a triggered alert belongs to, in this order: the open incident holding its dedup key; the
 * open incident of its incident group (the sender's group of alerts); the recently resolved incident of its group, or
 * holding its dedup key, when the service holds incidents open against flapping; for an alert without a group, the
 * service's newest incident while it is open and its first alert within the service's grouping window; otherwise a
 * new incident.
 */
final class Correlator {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * A service's correlation settings.
     *
     * @param groupingWindow null: only the same dedup key (or incident group) joins an incident
     * @param flapHoldOpen   null: a resolved incident never reopens by itself
     */
    record Settings(Duration groupingWindow, Duration flapHoldOpen) {

        static final Settings OFF = new Settings(null, null);
    }

    /**
     * The incidents an alert may belong to, each found by a key.
     *
     * @param holdingAlert the service's latest incident holding the alert's dedup key, open or resolved
     * @param ofGroup      the service's latest incident of the alert's incident group; empty for an alert without one
     * @param newest       the service's newest incident; only needed with a grouping window
     */
    record Candidates(Optional<Incident> holdingAlert, Optional<Incident> ofGroup, Optional<Incident> newest) {

        static final Candidates NONE = new Candidates(Optional.empty(), Optional.empty(), Optional.empty());
    }

    CorrelationDecision decide(boolean grouped, Candidates candidates, Settings settings, Instant now) {
        Optional<Incident> open = candidates.holdingAlert().filter(Incident::isOpen)
                .or(() -> candidates.ofGroup().filter(Incident::isOpen));
        if (open.isPresent()) {
            return new CorrelationDecision.AttachTo(open.get().id(), null);
        }
        Optional<Incident> resolved = grouped ? candidates.ofGroup() : candidates.holdingAlert();
        if (settings.flapHoldOpen() != null && resolved.isPresent()
                && !resolved.get().resolvedAt().plus(settings.flapHoldOpen()).isBefore(now)) {
            return new CorrelationDecision.ReopenFlapping(resolved.get().id());
        }
        if (!grouped && settings.groupingWindow() != null) {
            Optional<Incident> recent = candidates.newest().filter(Incident::isOpen)
                    .filter(incident -> !incident.triggeredAt().plus(settings.groupingWindow()).isBefore(now));
            if (recent.isPresent()) {
                return new CorrelationDecision.AttachTo(recent.get().id(), "grouped: within "
                        + settings.groupingWindow().toMinutes() + " min of the incident's first alert at "
                        + TIME_OF_DAY.format(recent.get().triggeredAt()));
            }
        }
        return new CorrelationDecision.OpenNew();
    }
}
