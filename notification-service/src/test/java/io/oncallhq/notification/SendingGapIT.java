package io.oncallhq.notification;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.standins.SlackCall;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.dmOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose earlier attempt posted to Slack and then stopped before saving the outcome (the record still SENDING):
 * the redelivered request finds the message by the page id in its metadata instead of posting it again.
 */
class SendingGapIT extends RunningNotificationService {

    @Test
    void aPageEveryAttemptTagsWithItsIdCarriesItInTheMessageMetadata() throws Exception {
        PageRequested page = alexIsPagedAbout("inc-" + UUID.randomUUID());

        SlackCall post = SLACK.callsAbout("chat.postMessage", page.incidentId()).getFirst();

        assertThat(post.field("metadata")).contains("\"event_type\":\"oncallhq_page\"")
                .contains("\"page_id\":\"" + page.pageId() + "\"");
    }

    @Test
    void aRedeliveredPageThatSlackAlreadyHasIsSettledWithThatMessageAndNotPostedAgain() throws Exception {
        String slackUserId = SLACK.newUser();
        PageRequested page = pageRequested("inc-" + UUID.randomUUID(), slackUserId);
        SLACK.dmAlreadyHoldsPage(slackUserId, "1700000123.000200", page.pageId());
        mongo.insert(stillSending(page), "page_deliveries");

        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());

        PageDelivered delivered = (PageDelivered) awaitOutcome(page.pageId());
        assertThat(delivered.destination()).isEqualTo(dmOf(slackUserId));
        assertThat(delivered.messageRef()).isEqualTo("1700000123.000200");
        assertThat(SLACK.callsAbout("chat.postMessage", page.incidentId())).isEmpty();
        assertThat(delivery(page.pageId()).getInteger("attempts")).isEqualTo(2);
    }

    /** The record an attempt leaves when the process dies between Slack's answer and the save. */
    private static Document stillSending(PageRequested page) {
        Document responder = new Document("responderId", page.target().responderId())
                .append("name", page.target().name()).append("email", page.target().email())
                .append("slackUserId", page.target().slackUserId()).append("contactRules", List.of());
        Document stored = new Document("pageId", page.pageId()).append("incidentId", page.incidentId())
                .append("incidentNumber", page.incidentNumber()).append("title", page.title())
                .append("severity", page.severity().name()).append("serviceName", page.serviceName())
                .append("level", page.level()).append("incidentUrl", page.incidentUrl()).append("responder", responder);
        return new Document("_id", page.pageId()).append("incidentId", page.incidentId()).append("page", stored)
                .append("channel", "slack").append("status", "SENDING").append("attempts", 1)
                .append("routeIndex", 0).append("processedEventIds", List.of()).append("outbox", List.of())
                .append("version", 0L);
    }
}
