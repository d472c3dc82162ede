package io.oncallhq.notification;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.standins.SlackCall;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.ALEX_DM;
import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Overdue post-mortem action items: announced once, to the owner's DM or else the incident's team channel. */
class OverdueActionItemsIT extends RunningNotificationService {

    @Test
    void anOverdueItemIsAnnouncedOnceInItsOwnersSlackDmEvenWhenRedelivered() throws Exception {
        String title = "Resize the pool " + UUID.randomUUID();
        INCIDENT_SERVICE.answers("/responders/owner-alex",
                "{\"id\":\"owner-alex\",\"name\":\"Alex Rivera\",\"slackUserId\":\"" + ALEX_SLACK_ID + "\"}");
        ProducerRecord<byte[], byte[]> overdue = kafka.record(Topics.POSTMORTEMS,
                overdue("inc-" + UUID.randomUUID(), "owner-alex", title), "event-" + UUID.randomUUID());

        kafka.send(overdue);
        kafka.send(overdue);
        await().atMost(PATIENCE).until(() -> announcements(title).size() == 1);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.POSTMORTEMS));

        SlackCall announcement = announcements(title).getFirst();
        assertThat(announcement.field("channel")).isEqualTo(ALEX_DM);
        assertThat(announcement.field("text")).contains("overdue since 2026-11-20").contains("/postmortems/pm-1");
        assertThat(announcements(title)).hasSize(1);
    }

    @Test
    void anItemWhoseOwnerHasNoSlackGoesToTheIncidentsTeamChannel() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String team = "C" + UUID.randomUUID();
        PageRequested page = new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api",
                "Checkout API", "Checkout latency high", io.oncallhq.contracts.Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", null, ALEX_SLACK_ID), null, Instant.now(), team);
        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> SLACK.calls("chat.postMessage").stream()
                .anyMatch(post -> team.equals(post.field("channel"))));
        String title = "Add an alert " + UUID.randomUUID();

        kafka.publish(Topics.POSTMORTEMS, overdue(incidentId, "nobody-known", title), "event-" + UUID.randomUUID());

        await().atMost(PATIENCE).until(() -> announcements(title).size() == 1);
        assertThat(announcements(title).getFirst().field("channel")).isEqualTo(team);
    }

    private static List<SlackCall> announcements(String title) {
        return SLACK.calls("chat.postMessage").stream()
                .filter(post -> post.field("text").contains(title)).toList();
    }

    private static ActionItemOverdue overdue(String incidentId, String ownerId, String title) {
        return new ActionItemOverdue("pm-1", incidentId, "payments", "ai-" + UUID.randomUUID(), title, ownerId,
                LocalDate.parse("2026-11-20"), "http://localhost:8084/postmortems/pm-1", Instant.now());
    }
}
