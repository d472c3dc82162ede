package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.SeverityChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.oncallhq.postmortem.history.Timeline.atMillis;
import static io.oncallhq.postmortem.history.Timeline.nameOf;

/** A working copy of a history while one event is projected into it. */
final class HistoryChange {

    private static final Comparator<PagedResponder> RESPONDER_ORDER = Comparator
            .comparingInt(PagedResponder::level)
            .thenComparing(PagedResponder::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PagedResponder::pageId);
    private static final Comparator<Participant> PARTICIPANT_ORDER = Comparator.comparing(Participant::firstAt)
            .thenComparing(Participant::id);

    private final IncidentHistory base;
    private Long number;
    private String title;
    private String serviceId;
    private String serviceName;
    private String teamId;
    private Severity severity;
    private Instant severitySetAt;
    private Instant triggeredAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private Instant resolvedAt;
    private String resolvedBy;
    private Instant reopenedAt;
    private String priority;
    private Instant prioritySetAt;
    private PagingSuppression suppression;
    private int alertCount;
    private Instant firstAlertStartedAt;
    private String lastCountedAlertEvent;
    private final List<AlertBurst> alertBursts;
    private final List<PagedResponder> responders;
    private final List<Participant> participants;
    private final List<TimelineEntry> entries;

    HistoryChange(IncidentHistory base) {
        this.base = base;
        number = base.number();
        title = base.title();
        serviceId = base.serviceId();
        serviceName = base.serviceName();
        teamId = base.teamId();
        severity = base.severity();
        severitySetAt = base.severitySetAt();
        triggeredAt = base.triggeredAt();
        acknowledgedAt = base.acknowledgedAt();
        acknowledgedBy = base.acknowledgedBy();
        resolvedAt = base.resolvedAt();
        resolvedBy = base.resolvedBy();
        reopenedAt = base.reopenedAt();
        priority = base.priority();
        prioritySetAt = base.prioritySetAt();
        suppression = base.suppression();
        alertCount = base.alertCount();
        firstAlertStartedAt = base.firstAlertStartedAt();
        lastCountedAlertEvent = base.lastCountedAlertEvent();
        alertBursts = new ArrayList<>(base.alertBursts());
        responders = new ArrayList<>(base.responders());
        participants = new ArrayList<>(base.participants());
        entries = new ArrayList<>(base.entries());
    }

    void apply(IncidentEvent event) {
        Instant at = atMillis(event.occurredAt());
        switch (event) {
            case IncidentTriggered e -> triggered(e, at);
            case AlertAttached e -> throw new IllegalArgumentException(
                    "alert " + e.dedupKey() + " is stored first, then counted with IncidentHistory.attach");
            case SeverityChanged e -> {
                // A change at the same instant as the trigger still wins: it was decided after it.
                if (severitySetAt == null || !at.isBefore(severitySetAt)) {
                    severity = e.to();
                    severitySetAt = at;
                }
                participated(e.by(), at);
            }
            case PriorityChanged e -> {
                if (prioritySetAt == null || !at.isBefore(prioritySetAt)) {
                    priority = e.to();
                    prioritySetAt = at;
                }
                participated(e.by(), at);
            }
            case PagingSuppressed e -> {
                if (suppression == null || at.isBefore(suppression.at())) {
                    suppression = new PagingSuppression(e.silenceId(), e.reason(), at);
                }
            }
            case PageRecorded e -> {
                pageRecorded(e, at);
                participated(e.responderId(), e.responderName(), at);
            }
            case IncidentAcknowledged e -> {
                if (acknowledgedAt == null || at.isBefore(acknowledgedAt)) {
                    acknowledgedAt = at;
                    acknowledgedBy = nameOf(e.by());
                }
                participated(e.by(), at);
            }
            case IncidentResolved e -> {
                if (resolvedAt == null || at.isAfter(resolvedAt)) {
                    resolvedAt = at;
                    resolvedBy = nameOf(e.by());
                }
                participated(e.by(), at);
            }
            case IncidentReopened e -> {
                if (reopenedAt == null || at.isAfter(reopenedAt)) {
                    reopenedAt = at;
                }
                participated(e.by(), at);
            }
            case IncidentEscalated e -> participated(e.by(), at);
            case NoteAdded e -> participated(e.by(), at);
            // The new assignee becomes a participant through the PageRecorded of the page it causes.
            case IncidentReassigned e -> participated(e.by(), at);
        }
    }

    void addEntry(TimelineEntry entry) {
        entries.add(entry);
        entries.sort(TimelineEntry.ORDER);
    }

    void alertStarted(Instant startedAt) {
        if (startedAt != null && (firstAlertStartedAt == null || startedAt.isBefore(firstAlertStartedAt))) {
            firstAlertStartedAt = startedAt;
        }
    }

    /** One more alert, attached as this timeline line tells. */
    void alertCounted(String eventId, TimelineEntry attachment) {
        alertCount++;
        lastCountedAlertEvent = eventId;
        joinBurst(AlertBurst.of(attachment));
    }

    /** The alerts were kept inside, with a timeline line per attachment: those lines become bursts. */
    void alertsMovedOut(int alerts) {
        alertCount += alerts;
        List<TimelineEntry> attachments = entries.stream()
                .filter(entry -> entry.kind() == TimelineKind.ALERT_ATTACHED).toList();
        entries.removeAll(attachments);
        attachments.forEach(attachment -> joinBurst(AlertBurst.of(attachment)));
    }

    /** The bursts it touches (at most one on each side, bursts being more than a gap apart) become one with it. */
    private void joinBurst(AlertBurst attachment) {
        AlertBurst joined = attachment;
        for (AlertBurst burst : List.copyOf(alertBursts)) {
            if (burst.touches(joined)) {
                joined = joined.joinedWith(burst);
                alertBursts.remove(burst);
            }
        }
        alertBursts.add(joined);
        alertBursts.sort(Comparator.comparing(AlertBurst::firstAt));
    }

    IncidentHistory result() {
        return new IncidentHistory(base.id(), number, title, serviceId, serviceName, teamId, severity, severitySetAt,
                triggeredAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, reopenedAt, priority, prioritySetAt,
                suppression, alertCount, firstAlertStartedAt, lastCountedAlertEvent, alertBursts, responders,
                participants, entries, base.version());
    }

    private void triggered(IncidentTriggered e, Instant at) {
        number = e.number();
        title = e.title();
        serviceId = e.serviceId();
        serviceName = e.serviceName();
        teamId = e.teamId();
        triggeredAt = at;
        if (severitySetAt == null || at.isAfter(severitySetAt)) {
            severity = e.severity();
            severitySetAt = at;
        }
    }

    /** People only: the system's own steps (timers, auto-resolve, correlation) are not participants. */
    private void participated(Actor actor, Instant at) {
        if (actor != null && !Actor.SYSTEM.equals(actor.kind())) {
            participated(actor.id(), nameOf(actor), at);
        }
    }

    /** One entry per id, named as the earliest event named them, so delivery order does not matter. */
    private void participated(String id, String name, Instant at) {
        if (id == null) {
            return;
        }
        Participant candidate = new Participant(id, name, at);
        Participant existing = participants.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (existing == null || at.isBefore(existing.firstAt())
                || at.equals(existing.firstAt()) && name != null && (existing.name() == null || name.compareTo(existing.name()) < 0)) {
            participants.remove(existing);
            participants.add(candidate);
            participants.sort(PARTICIPANT_ORDER);
        }
    }

    private void pageRecorded(PageRecorded e, Instant at) {
        PagedResponder recorded = new PagedResponder(e.pageId(), e.responderId(), e.responderName(), e.level(),
                e.outcome(), e.detail(), at);
        PagedResponder existing = responders.stream()
                .filter(responder -> responder.pageId().equals(e.pageId())).findFirst().orElse(null);
        if (existing == null || supersedes(recorded, existing)) {
            responders.remove(existing);
            responders.add(recorded);
            responders.sort(RESPONDER_ORDER);
        }
    }

    /** A later outcome wins; at the same instant, an outcome beats the request it answers. */
    private static boolean supersedes(PagedResponder candidate, PagedResponder existing) {
        if (candidate.outcomeAt().equals(existing.outcomeAt())) {
            return PageRecorded.REQUESTED.equals(existing.outcome())
                    && !PageRecorded.REQUESTED.equals(candidate.outcome());
        }
        return candidate.outcomeAt().isAfter(existing.outcomeAt());
    }
}
