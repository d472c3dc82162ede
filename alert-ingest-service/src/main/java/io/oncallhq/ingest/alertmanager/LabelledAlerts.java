package io.oncallhq.ingest.alertmanager;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.intake.DedupKey;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.HttpUrls;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Maps a batch of labelled alerts (Alertmanager's webhook shape, which Grafana's contact point reuses) onto
 * alert events: one per alert, each with its own dedup key, so one alert of a group resolving resolves that
 * alert and not the group. On an integration that groups by the sender's group, the triggered alerts of a batch
 * share one incident group. A batch is all or nothing: every alert is checked before any is returned.
 */
public final class LabelledAlerts {

    static final int MAX_SUMMARY_LENGTH = 1024;
    static final int MAX_FINGERPRINT_LENGTH = 255;
    private static final String DEDUP_KEY_VERSION = "v1";
    /** Go's zero time: Alertmanager's endsAt of an alert that has no end yet, in every firing alert it sends. */
    private static final String GO_ZERO_TIME_TEXT = "0001-01-01T00:00:00Z";
    private static final Instant GO_ZERO_TIME = Instant.parse(GO_ZERO_TIME_TEXT);

    private final IntegrationType type;

    public LabelledAlerts(IntegrationType type) {
        this.type = type;
    }

    /**
     * @param violations problems the caller found in the batch's own fields; reported with the alerts' problems
     * @throws InvalidAlertException naming each field at fault by its path, e.g. {@code alerts[3].labels}
     */
    public List<NormalisedAlert> normalise(AlertGroup group, List<? extends LabelledAlert> alerts, List<FieldViolation> violations,
                                           Integration integration, RawPayload rawPayload, Instant receivedAt) {
        List<FieldViolation> found = new ArrayList<>(violations);
        List<AlertTimes> times = new ArrayList<>();
        if (alerts == null || alerts.isEmpty()) {
            found.add(new FieldViolation("alerts", "must list at least one alert"));
        } else {
            for (int i = 0; i < alerts.size(); i++) {
                times.add(check(alerts.get(i), "alerts[" + i + "]", found));
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidAlertException(found);
        }
        String incidentGroup = integration.incidentGroup(group.groupKey());
        return IntStream.range(0, alerts.size())
                .mapToObj(i -> normalise(group, incidentGroup, alerts.get(i), times.get(i), integration, rawPayload.ofBatchAlert(i),
                        receivedAt))
                .toList();
    }

    /** An alert's times, read once while it is checked; null when absent or Go's zero time. */
    private record AlertTimes(Instant startsAt, Instant endsAt) {
    }

    private NormalisedAlert normalise(AlertGroup group, String incidentGroup, LabelledAlert alert, AlertTimes times,
                                      Integration integration, String rawPayload, Instant receivedAt) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        String fingerprint = hasText(alert.fingerprint()) ? alert.fingerprint() : null;
        String value = fingerprint != null ? fingerprint : DedupKey.hashOf(sortedLabels(labels));
        String dedupKey = DedupKey.versioned(type.wireName(), DEDUP_KEY_VERSION, value);
        String dedupKeyRule = fingerprint != null
                ? type.wireName() + ":v1:<fingerprint>, the sender's fingerprint of the alert's labels"
                : type.wireName() + ":v1:<sha-256 of the sorted labels>, as the sender gave no fingerprint";
        String summary = summary(alert.annotations(), labels);
        if ("resolved".equals(alert.status())) {
            AlertEvent resolved = new AlertResolved(integration.serviceId(), integration.id(), dedupKey, summary,
                    times.endsAt() == null ? receivedAt : times.endsAt(), receivedAt, rawPayload);
            return new NormalisedAlert(resolved, value, dedupKeyRule, null);
        }
        LabelSeverity severity = LabelSeverity.of(labels.get("severity"));
        AlertEvent triggered = new AlertTriggered(integration.serviceId(), integration.id(), type.wireName(), dedupKey,
                group.groupKey(), summary, severity.severity(), source(labels), labels,
                alert.annotations() == null ? Map.of() : new TreeMap<>(alert.annotations()), details(group, alert),
                links(alert), times.startsAt(), receivedAt, rawPayload, incidentGroup);
        return new NormalisedAlert(triggered, value, dedupKeyRule, severity.rule());
    }

    /**
     * Alertmanager's fingerprint is a hash of the alert's label set, so the same alert keeps it across
     * notifications. Senders that omit it (older or hand-written ones) still identify an alert by its labels,
     * so their sorted labels are hashed instead: the same labels give the same key, any other label set a new one.
     */
    private static String sortedLabels(Map<String, String> sorted) {
        StringBuilder text = new StringBuilder();
        sorted.forEach((name, value) -> text.append(name.length()).append(':').append(name)
                .append(value == null ? 0 : value.length()).append(':').append(value == null ? "" : value));
        return text.toString();
    }

    private static AlertTimes check(LabelledAlert alert, String path, List<FieldViolation> found) {
        if (alert == null) {
            found.add(new FieldViolation(path, "must be an alert object"));
            return null;
        }
        if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
            found.add(new FieldViolation(path + ".status", "must be firing or resolved"));
        }
        if (alert.labels() == null || alert.labels().isEmpty()) {
            found.add(new FieldViolation(path + ".labels", "must have at least one label: labels identify the alert"));
        }
        if (alert.fingerprint() != null && alert.fingerprint().length() > MAX_FINGERPRINT_LENGTH) {
            found.add(new FieldViolation(path + ".fingerprint", "must be at most " + MAX_FINGERPRINT_LENGTH + " characters"));
        }
        checkLink(alert.generatorURL(), path + ".generatorURL", found);
        alert.extraLinks().forEach(link -> checkLink(link.href(), path + "." + link.field(), found));
        return new AlertTimes(time(alert.startsAt(), path + ".startsAt", found), time(alert.endsAt(), path + ".endsAt", found));
    }

    private static Instant time(String time, String field, List<FieldViolation> found) {
        if (!hasText(time) || time.equals(GO_ZERO_TIME_TEXT)) { // the text itself spares a parse per firing alert
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(time).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            found.add(new FieldViolation(field, "must be an RFC 3339 date-time"));
            return null;
        }
    }

    private static void checkLink(String href, String field, List<FieldViolation> found) {
        if (hasText(href) && !HttpUrls.isHttpUrl(href)) {
            found.add(new FieldViolation(field, "must be an absolute http or https URL"));
        }
    }

    /** The annotations written for people first; the rule's name when there are none. Cut, not refused, when long. */
    private static String summary(Map<String, String> annotations, Map<String, String> labels) {
        Map<String, String> notes = annotations == null ? Map.of() : annotations;
        String summary = hasText(notes.get("summary")) ? notes.get("summary")
                : hasText(notes.get("description")) ? notes.get("description")
                : hasText(labels.get("alertname")) ? labels.get("alertname")
                : labels.toString();
        return summary.length() > MAX_SUMMARY_LENGTH ? summary.substring(0, MAX_SUMMARY_LENGTH) : summary;
    }

    private static String source(Map<String, String> labels) {
        return hasText(labels.get("instance")) ? labels.get("instance") : labels.get("job");
    }

    private static Map<String, Object> details(AlertGroup group, LabelledAlert alert) {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfPresent(details, "receiver", group.receiver());
        putIfPresent(details, "externalURL", group.externalURL());
        if (group.truncatedAlerts() != null && group.truncatedAlerts() > 0) {
            details.put("truncatedAlerts", group.truncatedAlerts());
        }
        if (group.groupLabels() != null && !group.groupLabels().isEmpty()) {
            details.put("groupLabels", new TreeMap<>(group.groupLabels()));
        }
        putIfPresent(details, "orgId", group.orgId());
        details.putAll(alert.extraDetails());
        return details;
    }

    private static List<AlertLink> links(LabelledAlert alert) {
        List<AlertLink> links = new ArrayList<>();
        if (hasText(alert.generatorURL())) {
            links.add(new AlertLink(alert.generatorURL(), "Source"));
        }
        alert.extraLinks().stream()
                .filter(link -> hasText(link.href()))
                .forEach(link -> links.add(new AlertLink(link.href(), link.text())));
        return links;
    }

    private static void putIfPresent(Map<String, Object> details, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            details.put(name, value);
        }
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
