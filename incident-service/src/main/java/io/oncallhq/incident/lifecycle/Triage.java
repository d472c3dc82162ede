package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.SeverityChanged;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static io.oncallhq.incident.lifecycle.Timeline.nameOf;

/**
 * How urgent an incident is and who has it: its severity, priority and assignee, as responders change them. Whether
 * a resolved incident may still be reassigned is for the lifecycle in {@link Incident} to decide.
 */
final class Triage {

    static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");

    private final String incidentId;
    private final Timeline timeline;
    private Severity severity;
    private String priority;
    private Assignee assignee;

    Triage(String incidentId, Severity severity, String priority, Assignee assignee, Timeline timeline) {
        this.incidentId = incidentId;
        this.severity = severity;
        this.priority = priority;
        this.assignee = assignee;
        this.timeline = timeline;
    }

    List<IncidentEvent> changeSeverity(Severity to, Actor by, Instant now) {
        if (to == severity) {
            return List.of();
        }
        Severity from = severity;
        severity = to;
        timeline.add(now, "severity", by, "Severity changed from " + name(from) + " to " + name(to) + " by " + nameOf(by));
        return List.of(new SeverityChanged(incidentId, from, to, by, now));
    }

    List<IncidentEvent> changePriority(String to, Actor by, Instant now) {
        if (to != null && !PRIORITIES.contains(to)) {
            throw new IllegalArgumentException("priority must be one of P1..P5, not " + to);
        }
        if (Objects.equals(to, priority)) {
            return List.of();
        }
        String from = priority;
        priority = to;
        timeline.add(now, "priority", by, "Priority " + (to == null ? "cleared" : "set to " + to)
                + (from == null ? "" : " (was " + from + ")") + " by " + nameOf(by));
        return List.of(new PriorityChanged(incidentId, from, to, by, now));
    }

    List<IncidentEvent> assign(String responderId, String responderName, Actor by, Instant now) {
        assignee = new Assignee(responderId, responderName);
        timeline.add(now, "reassigned", by, "Reassigned to " + responderName + " by " + nameOf(by));
        return List.of(new IncidentReassigned(incidentId, responderId, responderName, by, now));
    }

    Severity severity() { return severity; }
    String priority() { return priority; }
    Assignee assignee() { return assignee; }

    private static String name(Severity severity) {
        return severity == null ? "none" : severity.name().toLowerCase(Locale.ROOT);
    }
}
