package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What is known about one incident, projected from its events. Every derived value is chosen so that the
 * result does not depend on the order the events arrive in: times and severities follow the events'
 * {@code occurredAt}, lists are kept sorted, and an event already projected (by id) changes nothing.
 *
 * <p>The alerts themselves are stored beside the history ({@link IncidentAlerts}), since an incident may have
 * tens of thousands; the history keeps what the post-mortem needs of them: how many, when the first began, and the
 * bursts they were attached in, which the timeline shows as one line each.
 *
 * @param id                    the incident id (the document's {@code _id})
 * @param severitySetAt         when the current severity was decided (triggered or last changed)
 * @param acknowledgedAt        the first acknowledgement; {@code acknowledgedBy} names who
 * @param resolvedAt            the latest resolution; {@code resolvedBy} names who
 * @param reopenedAt            the latest reopening, if any
 * @param priority              the latest priority ({@code P1}..{@code P5}) by {@code occurredAt}, null when none is set
 * @param suppression           the earliest paging suppression, if a silence kept the incident from paging anyone
 * @param alertCount            the incident's alerts, one per dedup key
 * @param firstAlertStartedAt   the earliest start any alert reported, null when none did
 * @param lastCountedAlertEvent the last {@code AlertAttached} counted, so that a redelivery right after a crash between
 *                              counting it and the alert store noting it is not counted again
 * @param alertBursts           the bursts the alerts were attached in, earliest first
 * @param participants          everyone who acted on the incident or was paged for it, by first appearance
 * @param entries               a timeline line per event other than an alert's attachment
 * @param version               the optimistic-locking version of the stored document; 0 before the first save
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
        int alertCount,
        Instant firstAlertStartedAt,
        String lastCountedAlertEvent,
        List<AlertBurst> alertBursts,
        List<PagedResponder> responders,
        List<Participant> participants,
        List<TimelineEntry> entries,
        long version) {

    public IncidentHistory {
        // Histories stored with their alerts inside have no bursts until they are moved out (withAlertsMovedOut).
        alertBursts = alertBursts == null ? List.of() : List.copyOf(alertBursts);
        responders = List.copyOf(responders);
        // Histories stored before participants were projected have none until their next event.
        participants = participants == null ? List.of() : List.copyOf(participants);
        entries = List.copyOf(entries);
    }

    /** The history of an incident no event has been seen for yet. */
    public static IncidentHistory empty(String incidentId) {
        return new IncidentHistory(incidentId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, 0, null, null, List.of(), List.of(), List.of(), List.of(), 0);
    }

    public String incidentId() {
        return id;
    }

    /**
     * The history with this event projected in, or empty when the event (by id) is already part of it.
     * The version is left as it is; the store decides the next one. An alert's attachment goes through
     * {@link #attach} instead, since only the alert store knows whether it is new.
     */
    public Optional<IncidentHistory> apply(String eventId, IncidentEvent event) {
        // Not only the writer's check: its applied ids are the last 500, and histories stored before it have none, so
        // an older redelivery is known by its timeline entry.
        if (contains(eventId)) {
            return Optional.empty();
        }
        HistoryChange change = new HistoryChange(this);
        change.apply(event);
        change.addEntry(Timeline.entryFor(eventId, event));
        return Optional.of(change.result());
    }

    /**
     * The history with this attachment projected in, or empty when it changes nothing.
     *
     * @param newAlert whether the alert store says this event attached the alert and it was not counted yet; a
     *                 later attachment of an alert the incident has (or a redelivery) only tells when it began
     */
    public Optional<IncidentHistory> attach(String eventId, AlertAttached attached, boolean newAlert) {
        boolean counts = newAlert && !eventId.equals(lastCountedAlertEvent);
        Instant startedAt = Timeline.atMillis(attached.startedAt());
        boolean startsEarlier = startedAt != null
                && (firstAlertStartedAt == null || startedAt.isBefore(firstAlertStartedAt));
        if (!counts && !startsEarlier) {
            return Optional.empty();
        }
        HistoryChange change = new HistoryChange(this);
        change.alertStarted(startedAt);
        if (counts) {
            change.alertCounted(eventId, Timeline.entryFor(eventId, attached));
        }
        return Optional.of(change.result());
    }

    /**
     * For a history stored with every alert inside (and a timeline line per attachment): the history as it is kept
     * now, the alerts being stored beside it.
     *
     * @param alerts the alerts it held, one per dedup key
     */
    public IncidentHistory withAlertsMovedOut(List<IncidentAlert> alerts) {
        HistoryChange change = new HistoryChange(this);
        change.alertsMovedOut(alerts.size());
        alerts.forEach(alert -> change.alertStarted(alert.startedAt()));
        return change.result();
    }

    public boolean contains(String eventId) {
        return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    /** Every line: the events' and one per burst of attached alerts, sorted by time. */
    public List<TimelineEntry> timeline() {
        return Stream.concat(entries.stream(), alertBursts.stream().map(AlertBurst::entry))
                .sorted(TimelineEntry.ORDER).toList();
    }

    /** Resolved at least once: the incident has (or is owed) a post-mortem. */
    public boolean wasResolved() {
        return resolvedAt != null;
    }

    /** When the problem began: the earliest alert start, or the trigger when no alert says. */
    public Optional<Instant> startedAt() {
        if (firstAlertStartedAt != null && (triggeredAt == null || firstAlertStartedAt.isBefore(triggeredAt))) {
            return Optional.of(firstAlertStartedAt);
        }
        return Optional.ofNullable(triggeredAt);
    }

    IncidentHistory withVersion(long newVersion) {
        return new IncidentHistory(id, number, title, serviceId, serviceName, teamId, severity, severitySetAt,
                triggeredAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, reopenedAt, priority, prioritySetAt,
                suppression, alertCount, firstAlertStartedAt, lastCountedAlertEvent, alertBursts, responders,
                participants, entries, newVersion);
    }
}
