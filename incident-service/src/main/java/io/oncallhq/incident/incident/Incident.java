package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertTriggered;
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
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The incident aggregate: decides its transitions and returns the events they cause. It never reads a clock
 * or makes ids; callers pass the time and ids in. Every change also writes a timeline line.
 */
public final class Incident {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** How many processed event ids are kept for deduplication; older redeliveries are past any broker retry. */
    static final int PROCESSED_EVENT_IDS_KEPT = 500;

    public static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");

    private final String id;
    private final long number;
    private final ServiceRef service;
    private final String title;
    private final String details;
    private Severity severity;
    private String priority;
    private IncidentStatus status;
    private final List<IncidentAlert> alerts;
    private final Instant triggeredAt;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private Actor acknowledgedBy;
    private Actor resolvedBy;
    private int escalationLevel;
    private int escalationRound;
    private EscalationStep nextEscalation;
    private int cycle;
    private Assignee assignee;
    private final List<PageLog> pages;
    private final List<TimelineEntry> timeline;
    private final List<String> processedEventIds;

    Incident(String id, long number, ServiceRef service, String title, String details, Severity severity,
             String priority, IncidentStatus status, List<IncidentAlert> alerts, Instant triggeredAt,
             Instant acknowledgedAt, Instant resolvedAt, Actor acknowledgedBy, Actor resolvedBy, int escalationLevel,
             int escalationRound, EscalationStep nextEscalation, int cycle, Assignee assignee, List<PageLog> pages,
             List<TimelineEntry> timeline, List<String> processedEventIds) {
        this.id = id;
        this.number = number;
        this.service = service;
        this.title = title;
        this.details = details;
        this.severity = severity;
        this.priority = priority;
        this.status = status;
        this.alerts = new ArrayList<>(alerts);
        this.triggeredAt = triggeredAt;
        this.acknowledgedAt = acknowledgedAt;
        this.resolvedAt = resolvedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.resolvedBy = resolvedBy;
        this.escalationLevel = escalationLevel;
        this.escalationRound = Math.max(1, escalationRound);
        this.nextEscalation = nextEscalation;
        this.cycle = cycle;
        this.assignee = assignee;
        this.pages = new ArrayList<>(pages);
        this.timeline = new ArrayList<>(timeline);
        this.processedEventIds = new ArrayList<>(processedEventIds);
    }

    /** A new incident, opened by its first alert. */
    public static Opened open(String id, long number, ServiceRef service, AlertTriggered alert, Instant now) {
        Incident incident = opened(id, number, service, alert.summary(), null, alert.severity(),
                List.of(IncidentAlert.firstSeen(alert.dedupKey(), alert.summary(), alert.severity(), now)), now);
        incident.log(now, "triggered", null, "Incident #" + number + " opened by alert " + alert.dedupKey()
                + ": " + alert.summary());
        return new Opened(incident, List.of(incident.triggeredEvent(alert.dedupKey()), attachedEvent(id, alert, now)));
    }

    /** A new incident someone opened by hand (no alert); it is paged like one an alert opened. */
    public static Opened openManually(String id, long number, ServiceRef service, String title, Severity severity,
                                      String details, Actor by, Instant now) {
        Incident incident = opened(id, number, service, title, details, severity, List.of(), now);
        incident.log(now, "triggered", by, "Incident #" + number + " opened by " + nameOf(by) + ": " + title);
        return new Opened(incident, List.of(incident.triggeredEvent(null)));
    }

    private static Incident opened(String id, long number, ServiceRef service, String title, String details,
                                   Severity severity, List<IncidentAlert> alerts, Instant now) {
        return new Incident(id, number, service, title, details, severity, null, IncidentStatus.TRIGGERED, alerts,
                now, null, null, null, null, 1, 1, null, 0, null, List.of(), List.of(), List.of());
    }

    private IncidentTriggered triggeredEvent(String dedupKey) {
        return new IncidentTriggered(id, number, service.id(), service.name(), service.teamId(), title, severity,
                dedupKey, triggeredAt);
    }

    public record Opened(Incident incident, List<IncidentEvent> events) {
    }

    /** Another alert for this open incident: a repeat of a known dedup key is counted, a new one attached. */
    public List<IncidentEvent> attach(AlertTriggered alert, Instant now) {
        return attach(alert, null, now);
    }

    /** @param why why a new alert joins this incident (a grouping window), null when nothing needs saying */
    public List<IncidentEvent> attach(AlertTriggered alert, String why, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is resolved; alerts are not attached to it");
        }
        Optional<IncidentAlert> known = alert(alert.dedupKey());
        if (known.isPresent()) {
            IncidentAlert again = known.get().firedAgain(now);
            alerts.set(alerts.indexOf(known.get()), again);
            log(now, "alert", null, "Alert " + alert.dedupKey() + " fired again (" + again.count() + " times)");
            return List.of();
        }
        alerts.add(IncidentAlert.firstSeen(alert.dedupKey(), alert.summary(), alert.severity(), now));
        log(now, "alert", null, "Alert " + alert.dedupKey() + " attached: " + alert.summary()
                + (why == null ? "" : " (" + why + ")"));
        return List.of(attachedEvent(id, alert, now));
    }

    /**
     * Acknowledging stops escalation. Acknowledging again changes nothing but a timeline line saying who
     * acknowledged first and when.
     */
    public List<IncidentEvent> acknowledge(Actor by, Instant now) {
        switch (status) {
            case ACKNOWLEDGED -> {
                log(now, "acknowledged", by, "Acknowledgement by " + nameOf(by) + " changed nothing: "
                        + firstAcknowledgement());
                return List.of();
            }
            case RESOLVED -> throw new IllegalTransitionException("Incident #" + number + " is resolved; it cannot be acknowledged");
            case TRIGGERED -> {
                status = IncidentStatus.ACKNOWLEDGED;
                acknowledgedAt = now;
                acknowledgedBy = by;
                log(now, "acknowledged", by, "Acknowledged by " + nameOf(by));
                return List.of(new IncidentAcknowledged(id, by, now));
            }
        }
        throw new IllegalStateException("unknown status " + status);
    }

    /** "already acknowledged by Alex Rivera at 10:02 UTC"; null when not acknowledged. */
    public String firstAcknowledgement() {
        return acknowledgedBy == null ? null
                : "already acknowledged by " + nameOf(acknowledgedBy) + " at " + TIME_OF_DAY.format(acknowledgedAt);
    }

    public List<IncidentEvent> resolve(Actor by, String reason, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is already resolved");
        }
        status = IncidentStatus.RESOLVED;
        resolvedAt = now;
        resolvedBy = by;
        log(now, "resolved", by, "Resolved by " + nameOf(by) + (reason == null ? "" : ": " + reason));
        return List.of(new IncidentResolved(id, by, reason, now));
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
        escalationLevel = 1;
        escalationRound = 1;
        nextEscalation = null;
        cycle++;
        log(now, "reopened", by, "Reopened by " + nameOf(by) + (reason == null ? "" : ": " + reason));
        return List.of(new IncidentReopened(id, by, reason, now));
    }

    /** Flap control: the alert of a recently resolved incident fired again, so it reopens instead of a new one. */
    public List<IncidentEvent> reopenFlapping(AlertTriggered alert, Instant now) {
        long minutes = Duration.between(resolvedAt, now).toMinutes();
        String reason = "alert " + alert.dedupKey() + " fired again " + minutes + " min after it resolved (flapping)";
        List<IncidentEvent> events = new ArrayList<>(reopen(Actor.system("flap-control"), reason, now));
        log(now, "flapping", null, "Flapping: reopened instead of opening a new incident");
        events.addAll(attach(alert, now));
        return events;
    }

    /** A silence or maintenance window matched: nobody is paged and no escalation is pending. */
    public List<IncidentEvent> pagingSuppressed(String silenceId, String reason, Instant now) {
        nextEscalation = null;
        log(now, "suppressed", null, reason);
        return List.of(new PagingSuppressed(id, silenceId, reason, now));
    }

    /** An alert joining this incident matched a silence; joining pages nobody anyway, but the timeline says so. */
    public void silencedAlert(String dedupKey, String reason, Instant now) {
        log(now, "suppressed", null, "Alert " + dedupKey + " is silenced. " + reason);
    }

    /** Hands the incident to a responder, who the caller pages at the current level. */
    public List<IncidentEvent> reassign(String responderId, String responderName, Actor by, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is resolved; it cannot be reassigned");
        }
        assignee = new Assignee(responderId, responderName);
        log(now, "reassigned", by, "Reassigned to " + responderName + " by " + nameOf(by));
        return List.of(new IncidentReassigned(id, responderId, responderName, by, now));
    }

    /** A change to the same severity changes nothing. */
    public List<IncidentEvent> changeSeverity(Severity to, Actor by, Instant now) {
        if (to == severity) {
            return List.of();
        }
        Severity from = severity;
        severity = to;
        log(now, "severity", by, "Severity changed from " + name(from) + " to " + name(to) + " by " + nameOf(by));
        return List.of(new SeverityChanged(id, from, to, by, now));
    }

    /** @param to {@code P1} (highest) to {@code P5}, or null to clear it; the same priority changes nothing */
    public List<IncidentEvent> changePriority(String to, Actor by, Instant now) {
        if (to != null && !PRIORITIES.contains(to)) {
            throw new IllegalArgumentException("priority must be one of P1..P5, not " + to);
        }
        if (Objects.equals(to, priority)) {
            return List.of();
        }
        String from = priority;
        priority = to;
        log(now, "priority", by, "Priority " + (to == null ? "cleared" : "set to " + to)
                + (from == null ? "" : " (was " + from + ")") + " by " + nameOf(by));
        return List.of(new PriorityChanged(id, from, to, by, now));
    }

    /**
     * The sender says one alert is over. When every alert is over and the service resolves automatically,
     * the incident resolves itself.
     */
    public List<IncidentEvent> alertResolved(String dedupKey, boolean autoResolve, Instant now) {
        Optional<IncidentAlert> known = alert(dedupKey);
        if (known.isEmpty() || !known.get().isFiring()) {
            return List.of();
        }
        alerts.set(alerts.indexOf(known.get()), known.get().resolved(now));
        log(now, "alert", null, "Alert " + dedupKey + " resolved");
        boolean allResolved = alerts.stream().noneMatch(IncidentAlert::isFiring);
        if (allResolved && autoResolve && status != IncidentStatus.RESOLVED) {
            return resolve(Actor.system("auto-resolve"), "all alerts resolved", now);
        }
        return List.of();
    }

    /** Moves to the given escalation level; its responders are paged by the caller. */
    public List<IncidentEvent> escalate(int toLevel, Actor by, Instant now) {
        return escalate(toLevel, escalationRound, by, "requested", now);
    }

    /**
     * Moves to a level of a round of the policy; its responders are paged by the caller.
     *
     * @param reason {@code requested} for a person's request, or why a timer escalated
     */
    public List<IncidentEvent> escalate(int toLevel, int round, Actor by, String reason, Instant now) {
        requireOpenToEscalate();
        escalationLevel = toLevel;
        escalationRound = round;
        String roundText = round > 1 ? " (round " + round + ")" : "";
        String why = "requested".equals(reason) ? " by " + nameOf(by) : ": " + reason;
        log(now, "escalated", by, "Escalated to level " + toLevel + roundText + why);
        return List.of(new IncidentEscalated(id, toLevel, by, reason, now));
    }

    /** The step a timer will take unless someone acknowledges first; null when the policy has no further step. */
    public void scheduleEscalation(EscalationStep next) {
        nextEscalation = next == null ? null : next.inCycle(cycle);
    }

    /**
     * A stored escalation timer is due. Only the incident's pending step counts, so a timer fired twice, or one
     * overtaken by a manual escalation, changes nothing. An acknowledged or resolved incident is not paged and its
     * timeline says why.
     */
    public EscalationDue escalationDue(int level, int round, int timerCycle, Instant now) {
        if (nextEscalation == null || nextEscalation.level() != level || nextEscalation.round() != round
                || nextEscalation.cycle() != timerCycle) {
            return EscalationDue.STALE;
        }
        nextEscalation = null;
        String step = "Level " + level + (round > 1 ? " (round " + round + ")" : "") + " not paged: ";
        switch (status) {
            case ACKNOWLEDGED -> {
                log(now, "escalation", null, step + "acknowledged by " + nameOf(acknowledgedBy) + " at "
                        + TIME_OF_DAY.format(acknowledgedAt));
                return EscalationDue.SKIPPED;
            }
            case RESOLVED -> {
                log(now, "escalation", null, step + "resolved by " + nameOf(resolvedBy) + " at "
                        + TIME_OF_DAY.format(resolvedAt));
                return EscalationDue.SKIPPED;
            }
            case TRIGGERED -> {
                return EscalationDue.PAGE;
            }
        }
        throw new IllegalStateException("unknown status " + status);
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
        requireOpenToEscalate();
        log(now, "escalated", by, "Escalation requested by " + nameOf(by) + ", but the policy has no level "
                + (escalationLevel + 1));
    }

    public List<IncidentEvent> addNote(Actor by, String text, Instant now) {
        log(now, "note", by, text);
        return List.of(new NoteAdded(id, by, text, now));
    }

    /** Records pages requested for this incident. */
    public List<IncidentEvent> pagesRequested(List<PageRequested> requested) {
        List<IncidentEvent> events = new ArrayList<>();
        for (PageRequested page : requested) {
            PageTarget target = page.target();
            pages.add(new PageLog(page.pageId(), target.responderId(), target.name(), page.level(),
                    PageRecorded.REQUESTED, page.requestedAt()));
            log(page.requestedAt(), "page", null, "Paging " + target.name() + " (level " + page.level() + ")");
            events.add(new PageRecorded(id, page.pageId(), target.responderId(), target.name(), page.level(),
                    PageRecorded.REQUESTED, null, page.requestedAt()));
        }
        return events;
    }

    /** What the notification side reports for a page: {@code delivered} (where) or {@code failed} (why). */
    public List<IncidentEvent> pageOutcome(String pageId, String outcome, String detail, Instant now) {
        Optional<PageLog> page = pages.stream().filter(p -> p.pageId().equals(pageId)).findFirst();
        page.ifPresent(found -> pages.set(pages.indexOf(found), found.withOutcome(outcome)));
        String responderName = page.map(PageLog::responderName).orElse("unknown responder");
        log(now, "page", null, "Page to " + responderName + " " + outcome + (detail == null ? "" : ": " + detail));
        return List.of(new PageRecorded(id, pageId, page.map(PageLog::responderId).orElse(null), responderName,
                page.map(PageLog::level).orElse(0), outcome, detail, now));
    }

    /** A command from Kafka that the incident's status does not allow: kept on the timeline, not retried. */
    public void ignored(Actor by, String why, Instant now) {
        log(now, "ignored", by, why);
    }

    public boolean hasProcessed(String eventId) {
        return processedEventIds.contains(eventId);
    }

    public void markProcessed(String eventId) {
        processedEventIds.add(eventId);
        if (processedEventIds.size() > PROCESSED_EVENT_IDS_KEPT) {
            processedEventIds.subList(0, processedEventIds.size() - PROCESSED_EVENT_IDS_KEPT).clear();
        }
    }

    public boolean hasAlert(String dedupKey) {
        return alert(dedupKey).isPresent();
    }

    public boolean isOpen() {
        return status != IncidentStatus.RESOLVED;
    }

    private void requireOpenToEscalate() {
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalTransitionException("Incident #" + number + " is resolved; it cannot be escalated");
        }
    }

    private Optional<IncidentAlert> alert(String dedupKey) {
        return alerts.stream().filter(a -> a.dedupKey().equals(dedupKey)).findFirst();
    }

    private void log(Instant at, String kind, Actor actor, String text) {
        timeline.add(new TimelineEntry(at, kind, actor, text));
    }

    private static String name(Severity severity) {
        return severity == null ? "none" : severity.name().toLowerCase(Locale.ROOT);
    }

    private static String nameOf(Actor actor) {
        return actor.name() != null ? actor.name() : actor.id();
    }

    private static AlertAttached attachedEvent(String incidentId, AlertTriggered alert, Instant now) {
        return new AlertAttached(incidentId, alert.dedupKey(), alert.integrationType(), alert.summary(),
                alert.severity(), alert.source(), alert.links(), alert.startedAt(), now);
    }

    public String id() { return id; }

    public long number() { return number; }

    public ServiceRef service() { return service; }

    public String title() { return title; }

    public String details() { return details; }

    public Severity severity() { return severity; }

    public String priority() { return priority; }

    public int cycle() { return cycle; }

    public Assignee assignee() { return assignee; }

    public IncidentStatus status() { return status; }

    public List<IncidentAlert> alerts() { return List.copyOf(alerts); }

    public Instant triggeredAt() { return triggeredAt; }

    public Instant acknowledgedAt() { return acknowledgedAt; }

    public Instant resolvedAt() { return resolvedAt; }

    public Actor acknowledgedBy() { return acknowledgedBy; }

    public Actor resolvedBy() { return resolvedBy; }

    public int escalationLevel() { return escalationLevel; }

    public int escalationRound() { return escalationRound; }

    public EscalationStep nextEscalation() { return nextEscalation; }

    public List<PageLog> pages() { return List.copyOf(pages); }

    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }

    List<String> processedEventIds() { return List.copyOf(processedEventIds); }
}
