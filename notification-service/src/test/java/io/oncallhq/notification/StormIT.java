package io.oncallhq.notification;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many pages for one responder at once. Each test pages its own Slack user, whose DM channel is {@code D} + the user
 * id, so the pace of one test's DM holds nothing of another's up.
 */
class StormIT extends RunningService {

    @Test
    void aCriticalPageDuringAStormIsPostedBeforeTheLessUrgentPagesStillWaiting() throws Exception {
        String user = slackUser();
        SLACK.opensDmSlowlyAtFirst(user, dmOf(user), Duration.ofSeconds(3));
        PageRequested first = page(user, "checkout-api", "Checkout API", Severity.WARNING);
        kafka.publish(Topics.PAGES, first, "event-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "SENDING".equals(status(first)));

        // MongoDB keeps milliseconds: pages apart by less would be as old as each other.
        Instant now = Instant.now();
        List<PageRequested> warnings = Stream.of(1, 2, 3).map(ms -> page(user, "checkout-api", "Checkout API",
                Severity.WARNING, now.plusMillis(ms))).toList();
        PageRequested critical = page(user, "payments-api", "Payments API", Severity.CRITICAL);
        for (PageRequested page : warnings) {
            kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        }
        kafka.publish(Topics.PAGES, critical, "event-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> Stream.concat(warnings.stream(), Stream.of(critical))
                .allMatch(page -> "WAITING".equals(status(page))));
        assertThat(status(first)).as("the storm's first page is still being sent").isEqualTo("SENDING");

        await().atMost(PATIENCE).until(() -> postedIncidents(user).size() == 5);
        assertThat(postedIncidents(user)).containsExactly(first.incidentId(), critical.incidentId(),
                warnings.get(0).incidentId(), warnings.get(1).incidentId(), warnings.get(2).incidentId());
    }

    private String status(PageRequested page) {
        org.bson.Document delivery = delivery(page.pageId());
        return delivery == null ? null : delivery.getString("status");
    }

    /** The incident of each message posted to the user's DM, in order. */
    private static List<String> postedIncidents(String user) {
        return SLACK.calls("chat.postMessage").stream()
                .filter(post -> dmOf(user).equals(post.get("channel")))
                .map(StormIT::incidentOf).toList();
    }

    private static String incidentOf(Map<String, String> post) {
        String blocks = post.getOrDefault("blocks", "");
        int start = blocks.indexOf("\"value\":\"inc-");
        return start < 0 ? null : blocks.substring(start + "\"value\":\"".length(), blocks.indexOf('"',
                start + "\"value\":\"".length()));
    }

    private static PageRequested page(String slackUserId, String serviceId, String serviceName, Severity severity) {
        return page(slackUserId, serviceId, serviceName, severity, Instant.now());
    }

    private static PageRequested page(String slackUserId, String serviceId, String serviceName, Severity severity,
                                      Instant requestedAt) {
        String incidentId = "inc-" + UUID.randomUUID();
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, serviceId, serviceName,
                serviceName + " error rate", severity, 1,
                new PageTarget("sam", "Sam Lee", "sam@example.com", slackUserId),
                "http://localhost:8082/incidents/" + incidentId, requestedAt);
    }

    private static String slackUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String dmOf(String user) {
        return "D" + user;
    }
}
