package io.oncallhq.ingest.pagerduty;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertAcknowledged;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.oncallhq.ingest.pagerduty.PagerDutyFields.hasText;
import static io.oncallhq.ingest.pagerduty.PagerDutyFields.timestamp;

/**
 * PagerDuty Events API v2: trigger, acknowledge and resolve, with PagerDuty's rules. The sender's dedup key is
 * the alert's identity ({@code pagerduty:v1:<dedup_key>}); a trigger without one gets a generated key, returned
 * so the sender can acknowledge or resolve it later.
 */
@Component
public class PagerDutyFormat implements AlertFormat<PagerDutyEvent> {

    static final int MAX_DEDUP_KEY_LENGTH = 255;
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private enum Action { TRIGGER, ACKNOWLEDGE, RESOLVE }

    @Override
    public IntegrationType type() {
        return IntegrationType.PAGERDUTY;
    }

    @Override
    public Class<PagerDutyEvent> payloadType() {
        return PagerDutyEvent.class;
    }

    /**
     * The integration key the event names, once the whole event is valid: see {@link PagerDutyFields#routingKey}.
     *
     * @param headerKey the request's {@code X-Routing-Key}, null when it has none
     * @throws InvalidAlertException when the event breaks PagerDuty's rules
     */
    public String routingKey(PagerDutyEvent event, String headerKey) {
        return PagerDutyFields.routingKey(event.routingKey(), headerKey, violations -> requireValid(event, violations));
    }

    @Override
    public List<NormalisedAlert> normalise(PagerDutyEvent event, Integration integration, RawPayload rawPayload, Instant receivedAt) {
        Action action = requireValid(event, new ArrayList<>());
        boolean generated = !hasText(event.dedupKey());
        String senderKey = generated ? UUID.randomUUID().toString().replace("-", "") : event.dedupKey();
        String dedupKey = DedupKey.versioned(type().wireName(), "v1", senderKey);
        String dedupKeyRule = generated
                ? "pagerduty:v1:<generated dedup_key>, as the trigger had none; send it back to acknowledge or resolve"
                : "pagerduty:v1:<dedup_key>, the sender's dedup_key";
        PagerDutyEvent.Payload payload = event.payload();
        AlertEvent alert = switch (action) {
            case TRIGGER -> new AlertTriggered(integration.serviceId(), integration.id(), type().wireName(), dedupKey, null,
                    payload.summary(), Severity.valueOf(payload.severity().toUpperCase(Locale.ROOT)), payload.source(),
                    labels(payload), Map.of(), details(event), links(event), timestamp(payload.timestamp()), receivedAt, rawPayload.whole());
            case ACKNOWLEDGE -> new AlertAcknowledged(integration.serviceId(), integration.id(), dedupKey, receivedAt, receivedAt);
            case RESOLVE -> new AlertResolved(integration.serviceId(), integration.id(), dedupKey,
                    payload == null ? null : payload.summary(), receivedAt, receivedAt, rawPayload.whole());
        };
        String severityRule = action == Action.TRIGGER ? "payload.severity as sent" : null;
        return List.of(new NormalisedAlert(alert, senderKey, dedupKeyRule, severityRule));
    }

    /**
     * @param violations faults already found (the routing key's), reported together with the event's own
     * @throws InvalidAlertException when there is any fault
     */
    private static Action requireValid(PagerDutyEvent event, List<FieldViolation> violations) {
        Action action = action(event.eventAction(), violations);
        if (event.dedupKey() != null && event.dedupKey().length() > MAX_DEDUP_KEY_LENGTH) {
            violations.add(new FieldViolation("dedup_key", "must be at most " + MAX_DEDUP_KEY_LENGTH + " characters"));
        }
        if (action == Action.TRIGGER) {
            checkPayload(event.payload(), violations);
        } else if (action != null && !hasText(event.dedupKey())) {
            violations.add(new FieldViolation("dedup_key", "is required to " + event.eventAction() + " an alert"));
        }
        PagerDutyFields.checkLinks(event.links(), violations);
        checkImages(event.images(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidAlertException(violations);
        }
        return action;
    }

    private static Action action(String action, List<FieldViolation> violations) {
        if (!hasText(action)) {
            violations.add(new FieldViolation("event_action", "is missing or blank"));
            return null;
        }
        return switch (action) {
            case "trigger" -> Action.TRIGGER;
            case "acknowledge" -> Action.ACKNOWLEDGE;
            case "resolve" -> Action.RESOLVE;
            default -> {
                violations.add(new FieldViolation("event_action", "must be one of trigger, acknowledge, resolve"));
                yield null;
            }
        };
    }

    private static void checkPayload(PagerDutyEvent.Payload payload, List<FieldViolation> violations) {
        if (payload == null) {
            violations.add(new FieldViolation("payload", "is missing"));
            return;
        }
        PagerDutyFields.checkSummary(payload.summary(), violations);
        if (!hasText(payload.source())) {
            violations.add(new FieldViolation("payload.source", "is missing or blank"));
        }
        if (!SEVERITIES.contains(String.valueOf(payload.severity()))) {
            violations.add(new FieldViolation("payload.severity", "must be one of critical, error, warning, info"));
        }
        PagerDutyFields.checkTimestamp(payload.timestamp(), violations);
    }

    private static void checkImages(List<PagerDutyEvent.Image> images, List<FieldViolation> violations) {
        for (int i = 0; images != null && i < images.size(); i++) {
            PagerDutyEvent.Image image = images.get(i);
            if (image == null || !HttpUrls.isHttpsUrl(image.src())) {
                violations.add(new FieldViolation("images[" + i + "].src", "must be an absolute https URL (PagerDuty serves images only over HTTPS)"));
            } else if (image.href() != null && !HttpUrls.isHttpUrl(image.href())) {
                violations.add(new FieldViolation("images[" + i + "].href", "must be an absolute http or https URL"));
            }
        }
    }

    /** PagerDuty's component, group and class classify the alert, as labels do elsewhere. */
    private static Map<String, String> labels(PagerDutyEvent.Payload payload) {
        Map<String, String> labels = new LinkedHashMap<>();
        putIfText(labels, "component", payload.component());
        putIfText(labels, "group", payload.group());
        putIfText(labels, "class", payload.eventClass());
        return labels;
    }

    private static Map<String, Object> details(PagerDutyEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        PagerDutyFields.putCustomDetails(event.payload().customDetails(), details);
        if (hasText(event.client())) {
            details.put("client", event.client());
        }
        if (event.images() != null && !event.images().isEmpty()) {
            details.put("images", event.images());
        }
        return details;
    }

    private static List<AlertLink> links(PagerDutyEvent event) {
        List<AlertLink> links = new ArrayList<>();
        if (HttpUrls.isHttpUrl(event.clientUrl())) {
            links.add(new AlertLink(event.clientUrl(), hasText(event.client()) ? event.client() : "Client"));
        }
        if (event.links() != null) {
            event.links().forEach(link -> links.add(new AlertLink(link.href(), link.text())));
        }
        if (event.images() != null) {
            event.images().forEach(image -> links.add(new AlertLink(image.href() != null ? image.href() : image.src(),
                    hasText(image.alt()) ? image.alt() : "Image")));
        }
        return links;
    }

    private static void putIfText(Map<String, String> map, String name, String value) {
        if (hasText(value)) {
            map.put(name, value);
        }
    }
}
