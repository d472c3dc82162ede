package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.page.PageRequested;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.oncallhq.incident.lifecycle.Timeline.byAt;
import static io.oncallhq.incident.lifecycle.Timeline.nameOf;

/**
 * The incident aggregate: decides its transitions and returns the events they cause. It never reads a clock
 * or makes ids; callers pass the time and ids in. Every change also writes a timeline line.
 * The lifecycle is decided here; {@link Triage}, {@link IncidentAlerts}, {@link Escalation} and {@link PageHistory}
 * keep the rest, each writing its own lines to the one {@link Timeline}. Which events it took in is its store's
 * record ({@link Incidents#updateOnce}).
 */
public final class Incident {

    private final String id;
    private final long number;
    private final ServiceRef service;
    private final String title;
    private final String details;
    private IncidentStatus status;
    private final Instant triggeredAt;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private Actor acknowledgedBy;
    private Actor resolvedBy;
    private final Timeline timeline;
    private final Triage triage;
    private final IncidentAlerts alerts;
    private final Escalation escalation;
    private final PageHistory pages;
    private String openingTraceparent;
    private final String group;

    Incident(String id, long number, ServiceRef service, String title, String details, Severity severity,
             String priority, IncidentStatus status, AlertSummary alerts, Instant triggeredAt,
             Instant acknowledgedAt, Instant resolvedAt, Actor acknowledgedBy, Actor resolvedBy, int escalationLevel,
             int escalationRound, EscalationStep nextEscalation, int cycle, Assignee assignee, List<PageLog> pages,
             List<TimelineEntry> timeline, String openingTraceparent, String group) {
        this.id = id;
        this.number = number;
        this.service = service;
        this.title = title;
        this.details = details;
        this.status = status;
        this.triggeredAt = triggeredAt;
        this.acknowledgedAt = acknowledgedAt;
        this.resolvedAt = resolvedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.resolvedBy = resolvedBy;
        this.timeline = new Timeline(timeline);
        this.triage = new Triage(id, severity, priority, assignee, this.timeline);
        this.group = group;
        this.alerts = new IncidentAlerts(id, alerts, this.timeline, group != null);
        this.escalation = new Escalation(id, escalationLevel, escalationRound, nextEscalation, cycle, this.timeline);
        this.pages = new PageHistory(id, pages, this.timeline);
        this.openingTraceparent = openingTraceparent;
    }

    /** A new incident, opened by its first alert; it stands for the alert's incident group, when it has one. */
    public static Opened open(String id, long number, ServiceRef service, AlertTriggered alert, Instant now) {
        Incident incident = opened(id, number, service, alert.summary(), null, alert.severity(), alert.incidentGroup(),
                now);
        AlertAttached attached = incident.alerts.add(alert, now);
        incident.timeline.add(now, "triggered", null, "Incident #" + number + " opened by alert " + alert.dedupKey()
                + ": " + alert.summary());
        return new Opened(incident, List.of(incident.triggeredEvent(alert.dedupKey()), attached));
    }

    /** A new incident someone opened by hand (no alert); it is paged like one an alert opened. */
    public static Opened openManually(String id, long number, ServiceRef service, String title, Severity severity,
                                      String details, Actor by, Instant now) {
        Incident incident = opened(id, number, service, title, details, severity, null, now);
        incident.timeline.add(now, "triggered", by, "Incident #" + number + " opened by " + nameOf(by) + ": " + title);
        return new Opened(incident, List.of(incident.triggeredEvent(null)));
    }

    private static Incident opened(String id, long number, ServiceRef service, String title, String details,
                                   Severity severity, String group, Instant now) {
        return new Incident(id, number, service, title, details, severity, null, IncidentStatus.TRIGGERED,
                AlertSummary.NONE,
                now, null, null, null, null, 1, 1, null, 0, null, List.of(), List.of(), null, group);
    }

    private IncidentTriggered triggeredEvent(String dedupKey) {
        return new IncidentTriggered(id, number, service.id(), service.name(), service.teamId(), title, triage.severity(),
                dedupKey, triggeredAt);
    }

    public record Opened(Incident incident, List<IncidentEvent> events) {
    }

    /**
     * Remembers the trace context (a W3C {@code traceparent}) the incident was opened in, which every
     * {@link IncidentResolved} carries so that the post-mortem is drafted in the trace of the alert or request that
     * opened it. The first one stays: later alerts, resolves and reopens come in traces of their own, and a reopened
     * incident keeps its one post-mortem, so that stays in the trace where it was first drafted.
     */
    void openedInTrace(String traceparent) {
        if (openingTraceparent == null) {
            openingTraceparent = traceparent;
        }
    }

    /**
     * Another alert for this open incident: a repeat of a known dedup key is counted, a new one attached.
     *
     * @param stored the alert as stored with this incident (see {@link Incidents#storedAlert}); empty when new to it
     * @param why    why a new alert joins this incident (a grouping window), null when nothing needs saying
     */
    public List<IncidentEvent> attach(AlertTriggered alert, Optional<IncidentAlert> stored, String why, Instant now) {
        requireOpen("alerts are not attached to it");
        return alerts.attach(alert, stored, why, now);
    }

    /**
     * Acknowledging stops escalation. Acknowledging again changes nothing but a timeline line saying who
     * acknowledged first and when.
     */
    public List<IncidentEvent> acknowledge(Actor by, Instant now) {
        return switch (status) {
            case ACKNOWLEDGED -> {
                timeline.add(now, "acknowledged", by, "Acknowledgement by " + nameOf(by) + " changed nothing: "
                        + firstAcknowledgement());
                yield List.of();
            }
            case RESOLVED -> throw new IllegalTransitionException("Incident #" + number + " is resolved; it cannot be acknowledged");
            case TRIGGERED -> {
                status = IncidentStatus.ACKNOWLEDGED;
                acknowledgedAt = now;
                acknowledgedBy = by;
                timeline.add(now, "acknowledged", by, "Acknowledged by " + nameOf(by));
                yield List.of(new IncidentAcknowledged(id, by, now));
            }
        };
    }

    /** "already acknowledged by Alex Rivera at 10:02 UTC"; null when not acknowledged. */
    public String firstAcknowledgement() {
        return acknowledgedBy == null ? null
                : "already acknowledged " + byAt(acknowledgedBy, acknowledgedAt);
    }

    public List<IncidentEvent> resolve(Actor by, String reason, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is already resolved");
        }
        status = IncidentStatus.RESOLVED;
        resolvedAt = now;
        resolvedBy = by;
        timeline.add(now, "resolved", by, "Resolved by " + nameOf(by) + (reason == null ? "" : ": " + reason));
        return List.of(new IncidentResolved(id, by, reason, now, openingTraceparent));
    }

    /**
     * A resolved incident is open again; it starts over at the first escalation level in a new cycle, so the timers
     * of its earlier life never fire for it again.
     */
    public List<IncidentEvent> reopen(Actor by, String reason, Instant now) {
        if (status != IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is not resolved; it cannot be reopened");
        }
        status = IncidentStatus.TRIGGERED;
        acknowledgedAt = null;
        acknowledgedBy = null;
        resolvedAt = null;
        resolvedBy = null;
        escalation.restart();
        timeline.add(now, "reopened", by, "Reopened by " + nameOf(by) + (reason == null ? "" : ": " + reason));
        return List.of(new IncidentReopened(id, by, reason, now));
    }

    /**
     * Flap control: the alert (or, for a group's incident, an alert of the group) of a recently resolved incident
     * fired again, so it reopens instead of a new one.
     */
    public List<IncidentEvent> reopenFlapping(AlertTriggered alert, Optional<IncidentAlert> stored, Instant now) {
        long minutes = Duration.between(resolvedAt, now).toMinutes();
        String what = isOfGroup(alert.incidentGroup()) ? "the group" : "alert " + alert.dedupKey();
        String reason = what + " fired again " + minutes + " min after it resolved (flapping)";
        List<IncidentEvent> events = new ArrayList<>(reopen(Actor.system("flap-control"), reason, now));
        timeline.add(now, "flapping", null, "Flapping: reopened instead of opening a new incident");
        events.addAll(attach(alert, stored, null, now));
        return events;
    }

    /** A silence or maintenance window matched: nobody is paged and no escalation is pending. */
    public List<IncidentEvent> pagingSuppressed(String silenceId, String reason, Instant now) {
        return escalation.suppressed(silenceId, reason, now);
    }

    /** An alert joining this incident matched a silence; joining pages nobody anyway, but the timeline says so. */
    public void silencedAlert(String dedupKey, String reason, Instant now) {
        timeline.add(now, "suppressed", null, "Alert " + dedupKey + " is silenced. " + reason);
    }

    /** Hands the incident to a responder, who the caller pages at the current level. */
    public List<IncidentEvent> reassign(String responderId, String responderName, Actor by, Instant now) {
        requireOpen("it cannot be reassigned");
        return triage.assign(responderId, responderName, by, now);
    }

    /** A change to the same severity changes nothing. */
    public List<IncidentEvent> changeSeverity(Severity to, Actor by, Instant now) {
        return triage.changeSeverity(to, by, now);
    }

    /** @param to {@code P1} (highest) to {@code P5}, or null to clear it; the same priority changes nothing */
    public List<IncidentEvent> changePriority(String to, Actor by, Instant now) {
        return triage.changePriority(to, by, now);
    }

    /**
     * The sender says one alert is over. When every alert is over (by the counts) and the service resolves
     * automatically, the incident resolves itself.
     *
     * @param stored the alert as stored with this incident; empty when the incident has no such alert
     */
    public List<IncidentEvent> alertResolved(Optional<IncidentAlert> stored, boolean autoResolve, Instant now) {
        boolean allResolved = alerts.resolve(stored, now);
        if (allResolved && autoResolve && status != IncidentStatus.RESOLVED) {
            return resolve(Actor.system("auto-resolve"), "all alerts resolved", now);
        }
        return List.of();
    }

    /** Moves to the given escalation level; its responders are paged by the caller. */
    public List<IncidentEvent> escalate(int toLevel, Actor by, Instant now) {
        return escalate(toLevel, escalation.round(), by, "requested", now);
    }

    /**
     * Moves to a level of a round of the policy; its responders are paged by the caller.
     *
     * @param reason {@code requested} for a person's request, or why a timer escalated
     */
    public List<IncidentEvent> escalate(int toLevel, int round, Actor by, String reason, Instant now) {
        requireOpen("it cannot be escalated");
        return escalation.moveTo(toLevel, round, by, reason, now);
    }

    /** The step a timer will take unless someone acknowledges first; null when the policy has no further step. */
    public void scheduleEscalation(EscalationStep next) {
        escalation.schedule(next);
    }

    /**
     * A stored escalation timer is due. Only the incident's pending step counts, so a timer fired twice, or one
     * overtaken by a manual escalation, changes nothing. An acknowledged or resolved incident is not paged and its
     * timeline says why.
     */
    public EscalationDue escalationDue(int level, int round, int timerCycle, Instant now) {
        if (!escalation.takePending(level, round, timerCycle)) {
            return EscalationDue.STALE;
        }
        return switch (status) {
            case ACKNOWLEDGED -> {
                escalation.notPaged(level, round, "acknowledged " + byAt(acknowledgedBy, acknowledgedAt), now);
                yield EscalationDue.SKIPPED;
            }
            case RESOLVED -> {
                escalation.notPaged(level, round, "resolved " + byAt(resolvedBy, resolvedAt), now);
                yield EscalationDue.SKIPPED;
            }
            case TRIGGERED -> EscalationDue.PAGE;
        };
    }

    /** What a due escalation timer should do. */
    public enum EscalationDue {
        /** Not the incident's pending step (fired before, or overtaken): nothing to do. */
        STALE,
        /** Acknowledged or resolved in the meantime: recorded on the timeline, nobody paged. */
        SKIPPED,
        /** Still triggered: the caller pages the level. */
        PAGE
    }

    /** Escalation was asked for, but the policy has no further level. */
    public void escalationExhausted(Actor by, Instant now) {
        requireOpen("it cannot be escalated");
        escalation.exhausted(by, now);
    }

    /** A level reached nobody; the caller moves on to the next one at once. */
    public void pagedNobody(int level, String why, Instant now) {
        timeline.add(now, "unroutable", null, "Level " + level + ": " + why);
    }

    /** Every level left to try reached nobody: nobody was paged at all. */
    public void policyPagedNobody(Instant now) {
        timeline.add(now, "unroutable", null, "The escalation policy paged nobody");
    }

    public List<IncidentEvent> addNote(Actor by, String text, Instant now) {
        timeline.add(now, "note", by, text);
        return List.of(new NoteAdded(id, by, text, now));
    }

    /** Records pages requested for this incident. */
    public List<IncidentEvent> pagesRequested(List<PageRequested> requested) {
        return pages.requested(requested);
    }

    /**
     * What the notification side reports for a page: {@code delivered} (where) or {@code failed} (why).
     *
     * @param digest the digest a delivered page went out in ({@code digest of 12 incidents on Checkout API}); null
     *               for a page sent on its own
     */
    public List<IncidentEvent> pageOutcome(String pageId, String outcome, String detail, String digest, Instant now) {
        return pages.outcome(pageId, outcome, detail, digest, now);
    }

    /** A command from Kafka that the incident's status does not allow: kept on the timeline, not retried. */
    public void ignored(Actor by, String why, Instant now) {
        timeline.add(now, "ignored", by, why);
    }

    /** Whether the incident stands for this incident group (the sender's group of alerts). */
    public boolean isOfGroup(String incidentGroup) {
        return group != null && group.equals(incidentGroup);
    }

    public boolean isOpen() {
        return status != IncidentStatus.RESOLVED;
    }

    private void requireOpen(String otherwise) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is resolved; " + otherwise);
        }
    }

    public String id() { return id; }
    public long number() { return number; }
    public ServiceRef service() { return service; }
    public String title() { return title; }
    public String details() { return details; }
    public IncidentStatus status() { return status; }
    public Instant triggeredAt() { return triggeredAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Actor acknowledgedBy() { return acknowledgedBy; }
    public Actor resolvedBy() { return resolvedBy; }

    public Severity severity() { return triage.severity(); }
    public String priority() { return triage.priority(); }
    public Assignee assignee() { return triage.assignee(); }

    /** Counts of its alerts by state, its first and newest alerts; the alerts are stored beside it. */
    public AlertSummary alertSummary() { return alerts.summary(); }
    /** The alerts changed since the incident was loaded, handed out once, for storing together with it. */
    List<IncidentAlerts.Change> takeAlertChanges() { return alerts.takeChanges(); }

    public int escalationLevel() { return escalation.level(); }
    public int escalationRound() { return escalation.round(); }
    public EscalationStep nextEscalation() { return escalation.next(); }
    public int cycle() { return escalation.cycle(); }

    public List<PageLog> pages() { return pages.list(); }
    public List<TimelineEntry> timeline() { return timeline.entries(); }
    String openingTraceparent() { return openingTraceparent; }
    /** The incident group it stands for; null for an incident of one dedup key, or opened by hand. */
    public String group() { return group; }
}
