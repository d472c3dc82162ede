package io.oncallhq.ingest.heartbeat;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.intake.DedupKey;
import io.oncallhq.ingest.integration.IntegrationType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A heartbeat integration's expectation: a ping at least every {@code interval}, with {@code grace} on top before
 * it counts as missing. Each overdue episode is named by the {@code dueAt} it missed, which stays put while the
 * heartbeat is overdue: the episode's event ids derive from it, so publishing the same episode twice (a crash
 * between publishing and storing) gives the same event id, which consumers drop as a redelivery.
 *
 * @param dueAt   when a missing ping turns into an alert; while overdue, the due time that was missed
 * @param version counts the stored changes; a change is stored only over the version it was made from
 */
public record Heartbeat(String integrationId, String serviceId, Duration interval, Duration grace, boolean paused,
                        Instant lastPingAt, Instant dueAt, boolean overdue, long version) {

    static final String DEDUP_KEY_VERSION = "v1";

    /** Expects the first ping within interval and grace from now, so a job that never starts is noticed too. */
    static Heartbeat start(String integrationId, String serviceId, Duration interval, Duration grace, Instant now) {
        return new Heartbeat(integrationId, serviceId, interval, grace, false, null, now.plus(interval).plus(grace), false, 0);
    }

    Heartbeat withSchedule(Duration newInterval, Duration newGrace, Instant now) {
        Instant due = overdue ? dueAt : (lastPingAt == null ? now : lastPingAt).plus(newInterval).plus(newGrace);
        return new Heartbeat(integrationId, serviceId, newInterval, newGrace, paused, lastPingAt, due, overdue, version);
    }

    Heartbeat pinged(Instant now) {
        return new Heartbeat(integrationId, serviceId, interval, grace, paused, now, now.plus(interval).plus(grace), false, version);
    }

    Heartbeat pausedNow() {
        return new Heartbeat(integrationId, serviceId, interval, grace, true, lastPingAt, dueAt, overdue, version);
    }

    /** A resumed heartbeat gets a whole interval and grace for its next ping. */
    Heartbeat resumed(Instant now) {
        Instant due = overdue ? dueAt : now.plus(interval).plus(grace);
        return new Heartbeat(integrationId, serviceId, interval, grace, false, lastPingAt, due, overdue, version);
    }

    Heartbeat markedOverdue() {
        return new Heartbeat(integrationId, serviceId, interval, grace, paused, lastPingAt, dueAt, true, version);
    }

    /** The same key for every episode of this heartbeat, so incident-service folds repeats into one alert. */
    String dedupKey() {
        return DedupKey.versioned(IntegrationType.HEARTBEAT.wireName(), DEDUP_KEY_VERSION, integrationId);
    }

    AlertTriggered overdueAlert(Instant now) {
        String since = lastPingAt == null ? "no ping yet" : "last ping " + lastPingAt;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("intervalSeconds", interval.toSeconds());
        details.put("graceSeconds", grace.toSeconds());
        details.put("dueAt", dueAt.toString());
        details.put("lastPingAt", lastPingAt == null ? null : lastPingAt.toString());
        return new AlertTriggered(serviceId, integrationId, IntegrationType.HEARTBEAT.wireName(), dedupKey(), null,
                "Heartbeat " + integrationId + " missed: no ping by " + dueAt + " (" + since + ")", Severity.CRITICAL,
                "heartbeat", Map.of(), Map.of(), details, List.of(), dueAt, now, null);
    }

    AlertResolved recoveredAlert(Instant now) {
        return new AlertResolved(serviceId, integrationId, dedupKey(), "Heartbeat " + integrationId + " pinged again", now, now, null);
    }

    String overdueEventId() {
        return episodeEventId("overdue");
    }

    String recoveredEventId() {
        return episodeEventId("recovered");
    }

    private String episodeEventId(String what) {
        return UUID.nameUUIDFromBytes(("heartbeat:" + integrationId + ":" + dueAt.toEpochMilli() + ":" + what)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
