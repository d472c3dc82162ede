package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a channel needs to show one page to one responder.
 *
 * @param serviceId     the incident's service; null in pages stored before it was kept
 * @param requestedAt   when the page was asked for; null in pages stored before it was kept
 * @param recentChanges the service's latest changes before the page, newest first; empty when none
 * @param whyPaged      how the responder was chosen, in words ({@code on call in Payments primary, layer Weekly, ...});
 *                      null when the page request did not say (and in pages stored before it was kept)
 */
public record Page(
        String pageId,
        String incidentId,
        long incidentNumber,
        String title,
        Severity severity,
        String serviceId,
        String serviceName,
        int level,
        String incidentUrl,
        PageTarget responder,
        Instant requestedAt,
        List<RecentChange> recentChanges,
        String whyPaged) {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public Page {
        // Pages stored before the changes were kept have none.
        recentChanges = recentChanges == null ? List.of() : List.copyOf(recentChanges);
    }

    public Page(String pageId, String incidentId, long incidentNumber, String title, Severity severity,
                String serviceId, String serviceName, int level, String incidentUrl, PageTarget responder,
                Instant requestedAt, List<RecentChange> recentChanges) {
        this(pageId, incidentId, incidentNumber, title, severity, serviceId, serviceName, level, incidentUrl, responder,
                requestedAt, recentChanges, null);
    }

    public static Page of(PageRequested requested) {
        return new Page(requested.pageId(), requested.incidentId(), requested.incidentNumber(), requested.title(),
                requested.severity(), requested.serviceId(), requested.serviceName(), requested.level(),
                requested.incidentUrl(), requested.target(), requested.requestedAt(), requested.recentChanges(),
                requested.because() == null ? null : requested.because().summary());
    }

    /** {@code [CRITICAL] #42 Checkout latency high}: the line every channel leads with. */
    public String headline() {
        String level = severity == null ? "UNKNOWN" : severity.name();
        return "[" + level + "] #" + incidentNumber + " " + title;
    }

    /**
     * When the change was made, seen from the page ({@code 10 min before}, {@code 2 h 5 min before}): how close it
     * came to the page is what the responder weighs. The UTC time when the page's own time is unknown; null when the
     * change has none.
     */
    public String whenChanged(RecentChange change) {
        if (change.at() == null) {
            return null;
        }
        if (requestedAt == null) {
            return "at " + UTC_TIME.format(change.at());
        }
        Duration before = Duration.between(change.at(), requestedAt);
        String direction = before.isNegative() ? " after" : " before";
        Duration apart = before.abs();
        if (apart.toMinutes() < 1) {
            return "under a minute" + direction;
        }
        if (apart.toHours() < 1) {
            return apart.toMinutes() + " min" + direction;
        }
        if (apart.toDays() < 1) {
            int minutes = apart.toMinutesPart();
            return apart.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min") + direction;
        }
        return apart.toDays() + (apart.toDays() == 1 ? " day" : " days") + direction;
    }

    /** {@code 10 min before: Deployed checkout 2026.12.01-1 (deploy-pipeline)}: one change as plain text. */
    public String describe(RecentChange change) {
        String when = whenChanged(change);
        StringBuilder text = new StringBuilder();
        if (when != null) {
            text.append(when).append(": ");
        }
        text.append(summaryOf(change));
        if (change.source() != null && !change.source().isBlank()) {
            text.append(" (").append(change.source()).append(")");
        }
        return text.toString();
    }

    /** The change's summary, or a word for it when the sender gave none. */
    public static String summaryOf(RecentChange change) {
        return change.summary() == null || change.summary().isBlank() ? "Change" : change.summary();
    }
}
