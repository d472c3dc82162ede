package io.oncallhq.console.postmortems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** postmortem-service's {@code GET /postmortems/{id}}, as far as the console shows it. */
public record Postmortem(String id, String incidentId, Long incidentNumber, String title, String serviceId,
                         String serviceName, String teamId, String severity, String status, Instant startedAt,
                         Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
                         Instant mitigatedAt, Mitigation mitigation, TimeSpan timeToAcknowledge, TimeSpan timeToMitigate,
                         TimeSpan timeToResolve, List<Responder> responders, List<Change> changes,
                         List<TimelineEntry> timeline, List<Section> sections, List<ActionItem> actionItems,
                         String author, List<String> reviewers, int revision, List<Integer> publishedVersions,
                         List<Transition> transitions, long version) {

    public String statusName() {
        return status == null ? "" : status.toLowerCase(Locale.ROOT);
    }

    public boolean draft() {
        return "draft".equals(statusName());
    }

    public boolean inReview() {
        return "in_review".equals(statusName());
    }

    /** The value of {@code If-Match} for a change to this version. */
    public String etag() {
        return "\"" + version + "\"";
    }

    public record TimeSpan(String iso, long seconds) {
    }

    /** When the impact ended, as someone marked it: at a timeline entry ({@code eventId}) or at a time. */
    public record Mitigation(Instant at, String eventId, String by) {
    }

    public record Responder(String responderId, String name, int level, String outcome, String detail) {
    }

    public record Change(String id, Instant at, String summary, String source) {
    }

    /** @param kind {@code added} for an entry people added, which cannot be hidden, highlighted or annotated */
    public record TimelineEntry(String eventId, Instant at, String kind, String actor, String text, boolean hidden,
                                boolean highlighted, String annotation) {

        public boolean added() {
            return "added".equals(kind);
        }
    }

    public record Section(String key, String heading, String guidance, String text, boolean edited, String editedBy,
                          Instant editedAt) {
    }

    public record ActionItem(String id, String title, String owner, LocalDate dueDate, String priority, String status,
                             String issueUrl) {

        public boolean open() {
            return "open".equals(status);
        }

        /** Open and due before today (UTC), as postmortem-service counts overdue items. */
        public boolean overdue(LocalDate today) {
            return open() && dueDate != null && dueDate.isBefore(today);
        }
    }

    public record Transition(String from, String to, String by, String comment, Instant at) {
    }
}
