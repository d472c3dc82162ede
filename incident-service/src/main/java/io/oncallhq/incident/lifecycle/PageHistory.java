package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pages sent for one incident and what the notification side reported for each. */
final class PageHistory {

    private final String incidentId;
    private final List<PageLog> pages;
    private final Timeline timeline;

    PageHistory(String incidentId, List<PageLog> pages, Timeline timeline) {
        this.incidentId = incidentId;
        this.pages = new ArrayList<>(pages);
        this.timeline = timeline;
    }

    List<IncidentEvent> requested(List<PageRequested> requested) {
        List<IncidentEvent> events = new ArrayList<>();
        for (PageRequested page : requested) {
            PageTarget target = page.target();
            pages.add(new PageLog(page.pageId(), target.responderId(), target.name(), page.level(),
                    PageRecorded.REQUESTED, page.requestedAt(), page.because()));
            String because = page.because() == null ? "" : ": " + page.because().summary();
            timeline.add(page.requestedAt(), "page", null,
                    "Paging " + target.name() + " (level " + page.level() + ")" + because);
            events.add(new PageRecorded(incidentId, page.pageId(), target.responderId(), target.name(), page.level(),
                    PageRecorded.REQUESTED, null, page.requestedAt()));
        }
        return events;
    }

    /**
     * An outcome for a page this history does not hold is still recorded, against an unknown responder. A page
     * delivered in a digest (one message for many incidents of a storm) says so: {@code Paged Alex Rivera in a digest
     * of 12 incidents on Checkout API: slack D0ALEX}.
     */
    List<IncidentEvent> outcome(String pageId, String outcome, String detail, String digest, Instant now) {
        Optional<PageLog> page = pages.stream().filter(p -> p.pageId().equals(pageId)).findFirst();
        page.ifPresent(found -> pages.set(pages.indexOf(found), found.withOutcome(outcome)));
        String responderName = page.map(PageLog::responderName).orElse("unknown responder");
        String line = digest == null ? "Page to " + responderName + " " + outcome
                : "Paged " + responderName + " in a " + digest;
        timeline.add(now, "page", null, line + (detail == null ? "" : ": " + detail));
        return List.of(new PageRecorded(incidentId, pageId, page.map(PageLog::responderId).orElse(null), responderName,
                page.map(PageLog::level).orElse(0), outcome, detail, now));
    }

    List<PageLog> list() {
        return List.copyOf(pages);
    }
}
