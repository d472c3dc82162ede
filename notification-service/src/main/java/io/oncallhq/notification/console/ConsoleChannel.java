package io.oncallhq.notification.console;

import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageDigest;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.SentPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for Slack: writes the page to the log, with the service's recent changes and the command that
 * acknowledges it through incident-service's API. Counts as delivered; there is no message to update, so updates are logged too.
 */
public final class ConsoleChannel implements PagingChannel {

    public static final String NAME = "console";
    private static final Logger log = LoggerFactory.getLogger("PAGE");

    private final String incidentServiceUrl;

    public ConsoleChannel(String incidentServiceUrl) {
        this.incidentServiceUrl = incidentServiceUrl.endsWith("/")
                ? incidentServiceUrl.substring(0, incidentServiceUrl.length() - 1) : incidentServiceUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentPage send(Page page, String address) {
        PageTarget responder = page.responder();
        String who = responder == null ? "(no responder)" : responder.name() + " (" + responder.responderId() + ")";
        log.warn("""

                ==== PAGE {} ====
                  {}
                  service:   {}
                  level:     {}
                  responder: {}
                  incident:  {}{}
                  acknowledge with:
                    curl -X POST {}/incidents/{}/acknowledge
                """, page.pageId(), page.headline(), page.serviceName(), page.level(), who,
                page.incidentUrl() == null ? page.incidentId() : page.incidentUrl(), recentChanges(page),
                incidentServiceUrl, page.incidentId());
        return new SentPage(responder == null ? null : responder.responderId(), null);
    }

    /** The lines under the incident listing the service's recent changes; nothing when there are none. */
    private static String recentChanges(Page page) {
        if (page.recentChanges().isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder("\n  recent changes:");
        for (RecentChange change : page.recentChanges()) {
            lines.append("\n    ").append(page.describe(change));
            if (change.href() != null) {
                lines.append(" ").append(change.href());
            }
        }
        return lines.toString();
    }

    @Override
    public boolean digests() {
        return true;
    }

    /** A storm's pages of one service to one responder: one block, then a line each time more come. */
    @Override
    public SentPage sendDigest(PageDigest digest, String address) {
        PageTarget responder = digest.responder();
        log.warn("""

                ==== DIGEST {} ====
                  {}
                  responder: {}
                  newest:    {}
                  open:      {}
                """, digest.id(), digest.headline(), responder == null ? "(no responder)" : responder.name(),
                digest.newest(1).stream().map(entry -> "#" + entry.incidentNumber() + " " + entry.title())
                        .findFirst().orElse(""), digest.incidentsUrl());
        return new SentPage(responder == null ? null : responder.responderId(), null);
    }

    @Override
    public void updateDigest(PageDigest digest, SentPage sent) {
        log.warn("Digest {}: {}", digest.id(), digest.headline());
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        log.info("Page {} of incident #{}: {} by {} at {}", page.pageId(), page.incidentNumber(),
                state.status().name().toLowerCase(), state.by(), state.at());
    }
}
