package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.ContactMethod;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.GONE_SLACK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Contact rules decide the order of the channels; each one that does not take the page is on the timeline. */
class ContactRulesIT extends RunningNotificationService {

    static {
        WEBHOOKS.stubFor(post("/alex").willReturn(ok()));
        WEBHOOKS.stubFor(post("/broken").willReturn(serviceUnavailable()));
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aPageGoesDownTheRespondersRulesUntilOneChannelTakesItAndTheTimelineSaysWhichFailed() throws Exception {
        String mailbox = "pager-" + UUID.randomUUID() + "@example.com";
        PageRequested page = pageWithRules(new ContactMethod("slack", GONE_SLACK_ID),
                new ContactMethod("webhook", WEBHOOKS.baseUrl() + "/broken"), new ContactMethod("email", mailbox));
        double emailedBefore = pagesCounted("email", "delivered");

        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());

        List<PageOutcomeEvent> outcomes = await().atMost(PATIENCE).until(() -> outcomesOf(page.pageId()),
                found -> found.size() == 3);
        assertThat(outcomes).satisfiesExactly(
                slack -> assertThat(slack).isInstanceOfSatisfying(PageFailed.class, failed -> {
                    assertThat(failed.channel()).isEqualTo("slack");
                    assertThat(failed.reason()).contains("channel_not_found");
                }),
                webhook -> assertThat(webhook).isInstanceOfSatisfying(PageFailed.class, failed -> {
                    assertThat(failed.channel()).isEqualTo("webhook");
                    assertThat(failed.reason()).contains("HTTP 503");
                }),
                email -> assertThat(email).isInstanceOfSatisfying(PageDelivered.class, delivered -> {
                    assertThat(delivered.channel()).isEqualTo("email");
                    assertThat(delivered.destination()).isEqualTo(mailbox);
                }));
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessagesForDomain(mailbox)).findFirst().orElseThrow();
        assertThat(mail.getMessageID()).isEqualTo("<page." + page.pageId() + "@oncallhq>");
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] #7 Checkout latency high");
        assertThat(pagesCounted("email", "delivered")).isEqualTo(emailedBefore + 1);
        assertThat(pagesCounted("webhook", "failed")).isGreaterThanOrEqualTo(1);
        assertThat(delivery(page.pageId()).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aWebhookRuleCallsTheRespondersOwnUrlSignedAndKeyedByThePage() throws Exception {
        PageRequested page = pageWithRules(new ContactMethod("webhook", WEBHOOKS.baseUrl() + "/alex"),
                new ContactMethod("slack", ALEX_SLACK_ID));

        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());

        PageDelivered delivered = (PageDelivered) awaitOutcome(page.pageId());
        assertThat(delivered.channel()).isEqualTo("webhook");
        assertThat(delivered.destination()).isEqualTo(WEBHOOKS.baseUrl() + "/alex");
        LoggedRequest call = WEBHOOKS.findAll(postRequestedFor(urlEqualTo("/alex"))).stream()
                .filter(request -> page.pageId().equals(request.getHeader("Idempotency-Key"))).findFirst()
                .orElseThrow();
        // Signed with the current secret and, during this context's rotation, the previous one.
        assertThat(call.getHeader("X-Oncallhq-Signature")).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(SLACK.callsAbout("chat.postMessage", page.incidentId())).isEmpty();
    }

    @Test
    void slackCallsAreTimedPerMethod() throws Exception {
        alexIsPagedAbout("inc-" + UUID.randomUUID());

        assertThat(meters.find("slack.api").tag("slack.method", "chat.postMessage").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
        assertThat(pagesCounted("slack", "delivered")).isPositive();
    }

    private double pagesCounted(String channel, String outcome) {
        var counter = meters.find("oncallhq.pages").tag("channel", channel).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static PageRequested pageWithRules(ContactMethod... rules) {
        String incidentId = "inc-" + UUID.randomUUID();
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api", "Checkout API",
                "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", ALEX_SLACK_ID, List.of(rules)),
                "http://localhost:8082/incidents/" + incidentId, Instant.now());
    }
}
