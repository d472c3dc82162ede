package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one incident, projected from its events. Every derived value is chosen so that the
 * result does not depend on the order the events arrive in: times and severities follow the events'
 * {@code occurredAt}, lists are kept sorted, and an event already projected (by id) changes nothing.
 *
 * @param id             the incident id (the document's {@code _id})
 * @param severitySetAt  when the current severity was decided (triggered or last changed)
 * @param acknowledgedAt the first acknowledgement; {@code acknowledgedBy} names who
 * @param resolvedAt     the latest resolution; {@code resolvedBy} names who
 * @param reopenedAt     the latest reopening, if any
 * @param priority       the latest priority ({@code P1}..{@code P5}) by {@code occurredAt}, null when none is set
 * @param suppression    the earliest paging suppression, if a silence kept the incident from paging anyone
 * @param participants   everyone who acted on the incident or was paged for it, by first appearance
 * @param version        the optimistic-locking version of the stored document; 0 before the first save
 */
public record IncidentHistory(
        String id,
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
        List<IncidentAlert> alerts,
        List<PagedResponder> responders,
        List<Participant> participants,
        List<TimelineEntry> entries,
        long version) {

    public IncidentHistory {
        alerts = List.copyOf(alerts);
        responders = List.copyOf(responders);
        // Histories stored before participants were projected have none until their next event.
        participants = participants == null ? List.of() : List.copyOf(participants);
        entries = List.copyOf(entries);
    }

    /** The history of an incident no event has been seen for yet. */
    public static IncidentHistory empty(String incidentId) {
        return new IncidentHistory(incidentId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of(), List.of(), List.of(), 0);
    }

    public String incidentId() {
        return id;
    }

    /**
     * The history with this event projected in, or empty when the event (by id) is already part of it.
     * The version is left as it is; the store decides the next one.
     */
    public Optional<IncidentHistory> apply(String eventId, IncidentEvent event) {
        if (contains(eventId)) {
            return Optional.empty();
        }
        HistoryChange change = new HistoryChange(this);
        change.apply(event);
        change.addEntry(Timeline.entryFor(eventId, event));
        return Optional.of(change.result());
    }

    public boolean contains(String eventId) {
        return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    /** Resolved at least once: the incident has (or is owed) a post-mortem. */
    public boolean wasResolved() {
        return resolvedAt != null;
    }

    /** When the problem began: the earliest alert start, or the trigger when no alert says. */
    public Optional<Instant> startedAt() {
        Optional<Instant> firstAlert = alerts.stream().map(IncidentAlert::startedAt)
                .filter(Objects::nonNull).min(Instant::compareTo);
        if (firstAlert.isPresent() && (triggeredAt == null || firstAlert.get().isBefore(triggeredAt))) {
            return firstAlert;
        }
        return Optional.ofNullable(triggeredAt);
    }

    IncidentHistory withVersion(long newVersion) {
        return new IncidentHistory(id, number, title, serviceId, serviceName, teamId, severity, severitySetAt,
                triggeredAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, reopenedAt, priority, prioritySetAt,
                suppression, alerts, responders, participants, entries, newVersion);
    }
}
