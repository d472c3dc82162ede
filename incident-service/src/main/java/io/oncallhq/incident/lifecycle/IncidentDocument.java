package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How an incident is stored: its state, the events waiting to be relayed ({@code outbox}), the ids of the events it
 * took in last ({@code appliedEventIds}) and the optimistic-locking version, all in one document so that the outbox
 * writer writes them together. {@code processedEventIds}: the last 500 ids as documents kept them before the writer;
 * read once into {@code appliedEventIds}.
 * {@code openingTraceparent} is the trace the incident was opened in; null in documents written before it was kept.
 * {@code incidentGroup} is the sender's group of alerts the incident stands for; null for others.
 * {@code alertSummary} is what the incident keeps of its alerts, which are stored beside it ({@link StoredAlerts});
 * {@code alerts} holds every alert only in documents written before that, until {@link StoredAlerts} moves them out.
 */
@Document(Incidents.COLLECTION)
record IncidentDocument(
        @Id String id,
        long number,
        String serviceId,
        String serviceName,
        String teamId,
        String title,
        String details,
        Severity severity,
        String priority,
        IncidentStatus status,
        List<IncidentAlert> alerts,
        AlertSummary alertSummary,
        Instant triggeredAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Actor acknowledgedBy,
        Actor resolvedBy,
        int escalationLevel,
        int escalationRound,
        EscalationStep nextEscalation,
        int cycle,
        Assignee assignee,
        List<PageLog> pages,
        List<TimelineEntry> timeline,
        String openingTraceparent,
        String incidentGroup,
        List<OutboxMessage> outbox,
        List<String> appliedEventIds,
        List<String> processedEventIds,
        @Version Long version) implements OutboxDocument<Incident> {

    static IncidentDocument of(Incident incident, OutboxFields fields) {
        ServiceRef service = incident.service();
        return new IncidentDocument(incident.id(), incident.number(), service.id(), service.name(), service.teamId(),
                incident.title(), incident.details(), incident.severity(), incident.priority(), incident.status(),
                null, incident.alertSummary(), incident.triggeredAt(), incident.acknowledgedAt(), incident.resolvedAt(),
                incident.acknowledgedBy(), incident.resolvedBy(), incident.escalationLevel(),
                incident.escalationRound(), incident.nextEscalation(), incident.cycle(), incident.assignee(),
                incident.pages(), incident.timeline(), incident.openingTraceparent(), incident.group(),
                fields.outbox(), fields.appliedEventIds(), null, fields.version());
    }

    @Override
    public Incident toAggregate() {
        return new Incident(id, number, new ServiceRef(serviceId, serviceName, teamId), title, details, severity,
                priority, status, summaryOfAlerts(), triggeredAt, acknowledgedAt, resolvedAt, acknowledgedBy, resolvedBy,
                escalationLevel, escalationRound, nextEscalation, cycle, assignee, orEmpty(pages), orEmpty(timeline),
                openingTraceparent, incidentGroup);
    }

    /** For a document written before the alerts moved out, the summary of the alerts it still holds. */
    AlertSummary summaryOfAlerts() {
        return alertSummary != null ? alertSummary : AlertSummary.of(numbered(orEmpty(alerts)));
    }

    /** The alerts a document written before they moved out holds, numbered in the order they were attached. */
    List<IncidentAlert> numberedAlerts() {
        return numbered(orEmpty(alerts));
    }

    private static List<IncidentAlert> numbered(List<IncidentAlert> alerts) {
        return IntStream.range(0, alerts.size()).mapToObj(index -> alerts.get(index).numbered(index + 1L))
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
