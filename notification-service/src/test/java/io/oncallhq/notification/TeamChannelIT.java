package io.oncallhq.notification;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.standins.SlackCall;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.ALEX_DM;
import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.MESSAGE_TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The team channel: one message per incident, kept true to it, with one thread line per incident event. */
class TeamChannelIT extends RunningNotificationService {

    /** The consumer group that posts the team channel's messages, apart from the one storing the pages. */
    private static final String TEAM_CHANNELS_GROUP = "notification-service-team-channels";

    @Test
    void twoLevelsOfOneIncidentShareOneTeamMessageThatListsBothAndTheRecentChanges() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String team = "C" + UUID.randomUUID();
        List<RecentChange> changes = List.of(new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline",
                Instant.now().minusSeconds(600), "https://ci.example.com/builds/1"));
        PageRequested first = page(incidentId, team, "Alex Rivera", ALEX_SLACK_ID, 1, changes);
        PageRequested second = page(incidentId, team, "Kim Park", "U0KIM", 2, changes);

        kafka.publish(Topics.PAGES, first, "event-" + UUID.randomUUID());
        awaitOutcome(first.pageId());
        ProducerRecord<byte[], byte[]> secondRequest = kafka.record(Topics.PAGES, second, "event-" + UUID.randomUUID());
        kafka.send(secondRequest);
        kafka.send(secondRequest);
        await().atMost(PATIENCE).until(() -> messagesTo("chat.update", team).stream()
                .anyMatch(update -> update.field("blocks").contains("Kim Park (level 2)")));
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(TEAM_CHANNELS_GROUP, Topics.PAGES));

        List<SlackCall> posts = messagesTo("chat.postMessage", team);
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().field("blocks")).contains("Alex Rivera (level 1)").contains(incidentId)
                .contains("Recent changes").contains("Deployed checkout 2026.12.01-1");
        assertThat(messagesTo("chat.update", team)).hasSize(1);
        assertThat(messagesTo("chat.update", team).getFirst().field("blocks"))
                .contains("Deployed checkout 2026.12.01-1");
        awaitOutcome(second.pageId()); // sent by the sending loop, apart from the team channel's consumer
        assertThat(outcomesOf(second.pageId())).hasSize(1);
    }

    @Test
    void everyIncidentEventUpdatesTheDirectAndTeamMessagesAndAddsOneThreadLineEachEvenWhenRedelivered()
            throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String team = "C" + UUID.randomUUID();
        String sam = "Sam " + UUID.randomUUID();
        PageRequested first = page(incidentId, team, "Alex Rivera", ALEX_SLACK_ID, 1, List.of());
        kafka.publish(Topics.PAGES, first, "event-" + UUID.randomUUID());
        awaitOutcome(first.pageId());
        await().atMost(PATIENCE).until(() -> messagesTo("chat.postMessage", team).size() == 1);

        ProducerRecord<byte[], byte[]> acknowledged = kafka.record(Topics.INCIDENTS,
                new IncidentAcknowledged(incidentId, Actor.responder("sam", sam), Instant.now()),
                "event-" + UUID.randomUUID());
        ProducerRecord<byte[], byte[]> escalated = kafka.record(Topics.INCIDENTS,
                new IncidentEscalated(incidentId, 2, Actor.responder("sam", sam), "requested", Instant.now()),
                "event-" + UUID.randomUUID());
        kafka.send(acknowledged);
        kafka.send(acknowledged);
        kafka.send(escalated);
        kafka.send(escalated);
        await().atMost(PATIENCE).until(() -> threadLines(team, sam).size() == 2 && threadLines(ALEX_DM, sam).size() == 2);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.INCIDENTS));

        for (String channel : List.of(team, ALEX_DM)) {
            assertThat(threadLines(channel, sam)).extracting(line -> line.field("text")).satisfiesExactly(
                    line -> assertThat(line).startsWith(":eyes: Acknowledged by " + sam),
                    line -> assertThat(line).startsWith(":arrow_double_up: Escalated to level 2 by " + sam));
            assertThat(threadLines(channel, sam)).extracting(line -> line.field("thread_ts")).containsOnly(MESSAGE_TS);
        }
        List<SlackCall> teamUpdates = messagesTo("chat.update", team);
        assertThat(teamUpdates).hasSize(2);
        assertThat(teamUpdates.getLast().field("blocks")).contains("Acknowledged by " + sam)
                .contains("Escalated to level 2 by " + sam);
        assertThat(SLACK.callsAbout("chat.update", incidentId).stream()
                .filter(update -> ALEX_DM.equals(update.field("channel")))).hasSize(2);
    }

    @Test
    void aTeamChannelSlowToAnswerHoldsUpNoPageRequestedAfterIt() throws Exception {
        String team = "C" + UUID.randomUUID();
        // Under the Slack client's 5 s timeout, far longer than storing and sending a page takes.
        SLACK.postsSlowlyTo(team, Duration.ofSeconds(4));
        String kim = SLACK.newUser();
        PageRequested withTeamChannel = page("inc-" + UUID.randomUUID(), team, "Alex Rivera", ALEX_SLACK_ID, 1, List.of());
        PageRequested after = page("inc-" + UUID.randomUUID(), null, "Kim Park", kim, 1, List.of());

        kafka.publish(Topics.PAGES, withTeamChannel, "event-" + UUID.randomUUID());
        kafka.publish(Topics.PAGES, after, "event-" + UUID.randomUUID());
        awaitOutcome(after.pageId());

        Document teamMessage = mongo.findById(withTeamChannel.incidentId(), Document.class, "team_channel_messages");
        assertThat(teamMessage).as("the team channel's message is stored").isNotNull();
        assertThat(teamMessage.get("sent")).as("its post still awaits the channel's answer").isNull();
        await().atMost(PATIENCE).until(() -> mongo.findById(withTeamChannel.incidentId(), Document.class,
                "team_channel_messages").get("sent") != null);
    }

    @Test
    void aLevelThatPagedNobodyIsToldToTheTeamChannelOnceAndTheNextLevelsPageStillPostsTheIncidentMessage()
            throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String team = "C" + UUID.randomUUID();
        PageUnroutable nobody = new PageUnroutable(incidentId, 7, "checkout-api", "Checkout API",
                "Checkout latency high", io.oncallhq.contracts.Severity.CRITICAL, 1, PageUnroutable.SCHEDULE_GAP,
                "nobody on call in Payments primary from 02:00 to 06:00 UTC", "payments-primary", "Payments primary",
                Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-22T06:00:00Z"), team,
                "http://localhost:8082/incidents/" + incidentId, Instant.now());
        PageRequested second = page(incidentId, team, "Kim Park", "U0KIM", 2, List.of());
        ProducerRecord<byte[], byte[]> unroutable = kafka.record(Topics.PAGES, nobody, "event-" + UUID.randomUUID());

        kafka.send(unroutable);
        kafka.publish(Topics.PAGES, second, "event-" + UUID.randomUUID());
        kafka.send(unroutable);
        awaitOutcome(second.pageId());
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(TEAM_CHANNELS_GROUP, Topics.PAGES));

        List<SlackCall> posts = messagesTo("chat.postMessage", team);
        assertThat(posts).hasSize(2);
        assertThat(posts.getFirst().field("text")).startsWith(":warning: Nobody could be paged at level 1")
                .contains("nobody on call in Payments primary from 02:00 to 06:00 UTC")
                .contains("http://localhost:8082/incidents/" + incidentId);
        assertThat(posts.getLast().field("blocks")).contains("Kim Park (level 2)");
    }

    /** The calls of the Slack method to the channel, not counting the lines posted into a message's thread. */
    private static List<SlackCall> messagesTo(String method, String channel) {
        return SLACK.callsTo(method, channel).stream().filter(call -> call.field("thread_ts").isEmpty()).toList();
    }

    private static List<SlackCall> threadLines(String channel, String actorName) {
        return SLACK.callsTo("chat.postMessage", channel).stream()
                .filter(call -> !call.field("thread_ts").isEmpty() && call.field("text").contains(actorName)).toList();
    }

    private static PageRequested page(String incidentId, String teamChannel, String name, String slackUserId,
                                      int level, List<RecentChange> recentChanges) {
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api", "Checkout API",
                "Checkout latency high", io.oncallhq.contracts.Severity.CRITICAL, level,
                new PageTarget(name.toLowerCase().replace(' ', '-'), name, null, slackUserId),
                "http://localhost:8082/incidents/" + incidentId, Instant.now(), teamChannel, recentChanges);
    }
}
