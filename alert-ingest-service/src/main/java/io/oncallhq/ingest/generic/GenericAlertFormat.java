package io.oncallhq.ingest.generic;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.intake.AlertFormat;
import io.oncallhq.ingest.intake.DedupKey;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.HttpUrls;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules of the generic webhook format, and how it maps onto the alert events. */
@Component
public class GenericAlertFormat implements AlertFormat<GenericAlertRequest> {

    static final int MAX_SUMMARY_LENGTH = 1024;
    static final int MAX_DEDUP_KEY_LENGTH = 255;
    private static final String DEDUP_KEY_TYPE = IntegrationType.GENERIC.wireName();
    private static final String DEDUP_KEY_VERSION = "v1";

    private enum Action { TRIGGER, RESOLVE }

    @Override
    public IntegrationType type() {
        return IntegrationType.GENERIC;
    }

    @Override
    public Class<GenericAlertRequest> payloadType() {
        return GenericAlertRequest.class;
    }

    @Override
    public List<NormalisedAlert> normalise(GenericAlertRequest alert, Integration integration, RawPayload rawPayload, Instant receivedAt) {
        List<FieldViolation> violations = new ArrayList<>();
        Action action = action(alert.action(), violations);
        Severity severity = severity(alert.severity(), action == Action.TRIGGER, violations);
        checkSummary(alert.summary(), violations);
        checkDedupKey(alert.dedupKey(), violations);
        Instant startedAt = startedAt(alert.startedAt(), violations);
        List<AlertLink> links = links(alert.links(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidAlertException(violations);
        }

        String senderDedupKey = senderDedupKey(alert);
        String dedupKey = DedupKey.versioned(DEDUP_KEY_TYPE, DEDUP_KEY_VERSION, senderDedupKey);
        AlertEvent event = switch (action) {
            case TRIGGER -> new AlertTriggered(integration.serviceId(), integration.id(), type().wireName(),
                    dedupKey, null, alert.summary(), severity, alert.source(), orEmpty(alert.labels()), Map.of(),
                    orEmpty(alert.details()), links, startedAt, receivedAt, rawPayload.whole());
            case RESOLVE -> new AlertResolved(integration.serviceId(), integration.id(), dedupKey, alert.summary(),
                    receivedAt, receivedAt, rawPayload.whole());
        };
        String dedupKeyRule = alert.dedupKey() != null && !alert.dedupKey().isBlank()
                ? "generic:v1:<dedupKey>, the sender's dedupKey"
                : "generic:v1:<sha-256 of summary and source>, as no dedupKey was given";
        String severityRule = severity == null ? null : "severity as sent";
        return List.of(new NormalisedAlert(event, senderDedupKey, dedupKeyRule, severityRule));
    }

    /**
     * The sender's key when it gave one. Otherwise a hash of what the problem is (summary) and where (source):
     * repeats of the same problem then land on the same alert instead of opening new ones, while volatile parts
     * (details, timestamps) do not split it; the hash keeps the key short and free of payload text. Sending
     * this computed value back as {@code dedupKey} (e.g. to resolve) addresses the same alert.
     */
    private static String senderDedupKey(GenericAlertRequest alert) {
        if (alert.dedupKey() != null && !alert.dedupKey().isBlank()) {
            return alert.dedupKey();
        }
        return DedupKey.hashOf(alert.summary(), alert.source());
    }

    private static Action action(String action, List<FieldViolation> violations) {
        if (action == null) {
            return Action.TRIGGER;
        }
        try {
            return Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            violations.add(new FieldViolation("action", "must be one of trigger, resolve"));
            return Action.TRIGGER;
        }
    }

    private static Severity severity(String severity, boolean required, List<FieldViolation> violations) {
        if (severity == null || severity.isBlank()) {
            if (required) {
                violations.add(new FieldViolation("severity", "is required to trigger an alert: critical, error, warning or info"));
            }
            return null;
        }
        try {
            return Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            violations.add(new FieldViolation("severity", "must be one of critical, error, warning, info"));
            return null;
        }
    }

    private static void checkSummary(String summary, List<FieldViolation> violations) {
        if (summary == null || summary.isBlank()) {
            violations.add(new FieldViolation("summary", "must not be blank"));
        } else if (summary.length() > MAX_SUMMARY_LENGTH) {
            violations.add(new FieldViolation("summary", "must be at most " + MAX_SUMMARY_LENGTH + " characters"));
        }
    }

    private static void checkDedupKey(String dedupKey, List<FieldViolation> violations) {
        if (dedupKey != null && dedupKey.length() > MAX_DEDUP_KEY_LENGTH) {
            violations.add(new FieldViolation("dedupKey", "must be at most " + MAX_DEDUP_KEY_LENGTH + " characters"));
        }
    }

    private static Instant startedAt(String startedAt, List<FieldViolation> violations) {
        if (startedAt == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(startedAt).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("startedAt", "must be an RFC 3339 date-time, e.g. 2026-11-22T09:15:00Z"));
            return null;
        }
    }

    private static List<AlertLink> links(List<GenericAlertRequest.Link> links, List<FieldViolation> violations) {
        if (links == null) {
            return List.of();
        }
        List<AlertLink> result = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            GenericAlertRequest.Link link = links.get(i);
            if (link == null || !HttpUrls.isHttpUrl(link.href())) {
                violations.add(new FieldViolation("links[" + i + "].href", "must be an absolute http or https URL"));
            } else {
                result.add(new AlertLink(link.href(), link.text()));
            }
        }
        return result;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
