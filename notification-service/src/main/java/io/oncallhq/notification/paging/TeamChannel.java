package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageUnroutable;

import java.util.List;

/**
 * A team's channel (Slack), where one message per incident lists who is paged at which level and follows the
 * incident. Same retry contract as {@link PagingChannel}: one attempt per call, failures as
 * {@link PagingFailedException}.
 */
public interface TeamChannel {

    SentPage post(String channelId, Page page, List<Paged> paged, PageState state);

    void update(SentPage sent, Page page, List<Paged> paged, PageState state);

    /** Adds one line about the change to the message's thread. */
    void threadLine(SentPage sent, Page page, IncidentChange change);

    /** Posts a message of its own: a level of the incident's policy could page nobody, and why. */
    void unroutable(String channelId, PageUnroutable unroutable);
}
