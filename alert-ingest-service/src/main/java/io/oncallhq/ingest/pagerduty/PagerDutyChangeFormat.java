package io.oncallhq.ingest.pagerduty;

import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.intake.SenderFormat;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.publishing.IngestTopic;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.oncallhq.ingest.pagerduty.PagerDutyFields.hasText;

/**
 * PagerDuty Events API v2 change events: a deploy, a merged pull request, a configuration applied, recorded on
 * {@code changes} for the service of the integration. A change is no problem and has no identity of its own: each
 * request is one change. Nulls and empty strings, which go-pagerduty sends for the fields it was not given, are absent.
 */
@Component
public class PagerDutyChangeFormat implements SenderFormat<PagerDutyChangeEvent, ChangeRecorded> {

    @Override
    public IntegrationType type() {
        return IntegrationType.PAGERDUTY;
    }

    @Override
    public Class<PagerDutyChangeEvent> payloadType() {
        return PagerDutyChangeEvent.class;
    }

    @Override
    public IngestTopic topic() {
        return IngestTopic.CHANGES;
    }

    /**
     * The integration key the change names, once the whole change is valid: see {@link PagerDutyFields#routingKey}.
     *
     * @param headerKey the request's {@code X-Routing-Key}, null when it has none
     * @throws InvalidAlertException when the change breaks PagerDuty's rules, listing every fault
     */
    public String routingKey(PagerDutyChangeEvent change, String headerKey) {
        return PagerDutyFields.routingKey(change.routingKey(), headerKey, violations -> requireValid(change, violations));
    }

    /** @return the one change; it happened at the sender's {@code timestamp}, else when it was received */
    @Override
    public List<ChangeRecorded> normalise(PagerDutyChangeEvent change, Integration integration, RawPayload rawPayload,
                                          Instant receivedAt) {
        requireValid(change, new ArrayList<>());
        PagerDutyChangeEvent.Payload payload = change.payload();
        Instant sentTimestamp = PagerDutyFields.timestamp(payload.timestamp());
        Map<String, Object> details = new LinkedHashMap<>();
        PagerDutyFields.putCustomDetails(payload.customDetails(), details);
        return List.of(new ChangeRecorded(integration.serviceId(), integration.id(), type().wireName(), payload.summary(),
                hasText(payload.source()) ? payload.source() : null, details, links(change.links()),
                sentTimestamp != null ? sentTimestamp : receivedAt, receivedAt, rawPayload.whole()));
    }

    @Override
    public ChangeRecorded event(ChangeRecorded change) {
        return change;
    }

    /**
     * @param violations faults already found (the routing key's), reported together with the change's own
     * @throws InvalidAlertException when there is any fault
     */
    private static void requireValid(PagerDutyChangeEvent change, List<FieldViolation> violations) {
        if (change.payload() == null) {
            violations.add(new FieldViolation("payload", "is missing"));
        } else {
            PagerDutyFields.checkSummary(change.payload().summary(), violations);
            PagerDutyFields.checkTimestamp(change.payload().timestamp(), violations);
        }
        PagerDutyFields.checkLinks(change.links(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidAlertException(violations);
        }
    }

    private static List<AlertLink> links(List<PagerDutyEvent.Link> links) {
        return links == null ? List.of()
                : links.stream().map(link -> new AlertLink(link.href(), hasText(link.text()) ? link.text() : null)).toList();
    }
}
