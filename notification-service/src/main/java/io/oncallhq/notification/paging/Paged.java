package io.oncallhq.notification.paging;

/** One responder paged about an incident, as the team channel message lists them. */
public record Paged(String pageId, String name, int level) {

    static Paged of(Page page) {
        String name = page.responder() == null ? "the on-call responder"
                : page.responder().name() != null ? page.responder().name() : page.responder().responderId();
        return new Paged(page.pageId(), name, page.level());
    }
}
