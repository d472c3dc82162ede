package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;

/** What a channel needs to show one page to one responder. */
public record Page(
        String pageId,
        String incidentId,
        long incidentNumber,
        String title,
        Severity severity,
        String serviceName,
        int level,
        String incidentUrl,
        PageTarget responder) {

    public static Page of(PageRequested requested) {
        return new Page(requested.pageId(), requested.incidentId(), requested.incidentNumber(), requested.title(),
                requested.severity(), requested.serviceName(), requested.level(), requested.incidentUrl(),
                requested.target());
    }

    /** {@code [CRITICAL] #42 Checkout latency high}: the line every channel leads with. */
    public String headline() {
        String level = severity == null ? "UNKNOWN" : severity.name();
        return "[" + level + "] #" + incidentNumber + " " + title;
    }
}
