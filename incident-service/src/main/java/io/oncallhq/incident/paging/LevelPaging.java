package io.oncallhq.incident.paging;

import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageUnroutable;

import java.util.List;

/** What paging one escalation level comes to: a page per reachable responder, or why it reaches nobody. */
public sealed interface LevelPaging {

    record Paged(List<PageRequested> pages) implements LevelPaging {
    }

    record PagedNobody(PageUnroutable unroutable) implements LevelPaging {
    }
}
