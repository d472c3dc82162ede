package io.oncallhq.console.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** incident-service's {@code GET /incidents/{id}}: the incident with its alerts, pages, timeline and recent changes. */
public record IncidentDetail(String id, long number, String serviceId, String serviceName, String teamId, String title,
                      String details, String severity, String priority, String status, Instant triggeredAt,
                      Instant acknowledgedAt, Instant resolvedAt, Actor acknowledgedBy, Actor resolvedBy,
                      int escalationLevel, List<Alert> alerts, List<Page> pages, List<TimelineLine> timeline,
                      NextEscalation nextEscalation, Assignee assignee, List<Change> recentChanges) {

    public String statusName() {
        return status == null ? "" : status.toLowerCase(Locale.ROOT);
    }

    public String severityName() {
        return severity == null ? "" : severity.toLowerCase(Locale.ROOT);
    }

    public boolean triggered() {
        return "triggered".equals(statusName());
    }

    public boolean resolved() {
        return "resolved".equals(statusName());
    }

    public record Actor(String kind, String id, String name) {

        public String label() {
            return name != null && !name.isBlank() ? name : id;
        }
    }

    public record Alert(String dedupKey, String summary, String severity, String status, Instant firstSeenAt,
                 Instant lastSeenAt, int count) {
    }

    /** Whom incident-service paged, at which level of the service's escalation policy, and what came of it. */
    public record Page(String pageId, String responderId, String responderName, int level, String outcome,
                Instant requestedAt) {
    }

    public record TimelineLine(Instant at, String kind, Actor actor, String text) {
    }

    public record NextEscalation(int level, int round, Instant dueAt) {
    }

    public record Assignee(String responderId, String name) {
    }

    public record Change(String summary, String source, Instant at, List<Link> links) {
    }

    public record Link(String href, String text) {
    }
}
