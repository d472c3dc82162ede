package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Severity;
import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How an incident history is stored, written by the outbox writer ({@link IncidentHistories}): its state, the ids
 * of the incident events it applied last (bounded, outbox/README.md) and the version. It causes no events, so
 * {@code outbox} stays empty.
 */
@Document(IncidentHistories.COLLECTION)
record IncidentHistoryDocument(
        @Id String id,
        Long number,
        String title,
        String serviceId,
        String serviceName,
        String teamId,
        Severity severity,
        Instant severitySetAt,
        Instant triggeredAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        Instant reopenedAt,
        String priority,
        Instant prioritySetAt,
        PagingSuppression suppression,
        int alertCount,
        Instant firstAlertStartedAt,
        String lastCountedAlertEvent,
        List<AlertBurst> alertBursts,
        List<PagedResponder> responders,
        List<Participant> participants,
        List<TimelineEntry> entries,
        List<OutboxMessage> outbox,
        List<String> appliedEventIds,
        @Version Long version) implements OutboxDocument<IncidentHistory> {

    /** The version is the writer's ({@code fields}), whatever the history says. */
    static IncidentHistoryDocument of(IncidentHistory h, OutboxFields fields) {
        return new IncidentHistoryDocument(h.id(), h.number(), h.title(), h.serviceId(), h.serviceName(), h.teamId(),
                h.severity(), h.severitySetAt(), h.triggeredAt(), h.acknowledgedAt(), h.acknowledgedBy(),
                h.resolvedAt(), h.resolvedBy(), h.reopenedAt(), h.priority(), h.prioritySetAt(), h.suppression(),
                h.alertCount(), h.firstAlertStartedAt(), h.lastCountedAlertEvent(), h.alertBursts(), h.responders(),
                h.participants(), h.entries(), fields.outbox(), fields.appliedEventIds(), fields.version());
    }

    @Override
    public IncidentHistory toAggregate() {
        return new IncidentHistory(id, number, title, serviceId, serviceName, teamId, severity, severitySetAt,
                triggeredAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, reopenedAt, priority,
                prioritySetAt, suppression, alertCount, firstAlertStartedAt, lastCountedAlertEvent, alertBursts,
                responders == null ? List.of() : responders, participants, entries == null ? List.of() : entries,
                version == null ? 0 : version);
    }
}
