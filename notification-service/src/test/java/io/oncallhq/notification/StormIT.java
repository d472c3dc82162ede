package io.oncallhq.notification;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.standins.SlackCall;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.oncallhq.standins.SlackStandIn.MESSAGE_TS;
import static io.oncallhq.standins.SlackStandIn.dmOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many pages for one responder at once, with the storm thresholds as configured by default. Each test pages its own
 * Slack user ({@code SLACK.newUser()}) with a DM of their own, so the pace of one test's DM holds nothing of another's
 * up.
 */
@TestPropertySource(properties = {"notification.paging.digest.waiting=5",
        "notification.paging.digest.service-incidents=" + StormIT.SERVICE_INCIDENTS,
        "notification.paging.digest.window=2m"})
class StormIT extends RunningNotificationService {

    static final int SERVICE_INCIDENTS = 5;
    private static final Pattern DIGEST_HEADLINE = Pattern.compile("^\\[WARNING] (\\d+) incidents? on Checkout API");

    @Test
    void aStormOfPagesToOneResponderBecomesOneDigestRewrittenInPlaceInsteadOfADmEach() throws Exception {
        String user = SLACK.newUser();
        List<PageRequested> firstWave = checkoutStorm(user, 8);
        publish(firstWave);
        await().atMost(PATIENCE).until(() -> deliveredAll(firstWave) && digestsPostedTo(user).size() == 1);
        List<PageRequested> secondWave = checkoutStorm(user, 4);
        publish(secondWave);
        List<PageRequested> storm = Stream.concat(firstWave.stream(), secondWave.stream()).toList();
        await().atMost(PATIENCE).until(() -> deliveredAll(storm));

        List<PageDelivered> outcomes = storm.stream().map(page -> outcomesOf(page.pageId()))
                .peek(pageOutcomes -> assertThat(pageOutcomes).hasSize(1))
                .map(pageOutcomes -> (PageDelivered) pageOutcomes.getFirst()).toList();
        long alone = outcomes.stream().filter(outcome -> outcome.digest() == null).count();
        assertThat(alone).as("pages sent on their own before the storm was recognised")
                .isLessThanOrEqualTo(SERVICE_INCIDENTS);
        assertThat(outcomes).filteredOn(outcome -> outcome.digest() != null).hasSize(storm.size() - (int) alone)
                .allSatisfy(outcome -> assertThat(outcome.digest()).matches("digest of \\d+ incidents? on Checkout API"));
        List<SlackCall> posts = postsTo(user);
        assertThat(posts).hasSize((int) alone + 1);
        assertThat(posts.getLast().field("blocks")).as("the digest comes after the pages sent on their own")
                .contains("digest_actions");
        List<SlackCall> rewrites = updatesTo(user);
        assertThat(rewrites).isNotEmpty().allSatisfy(update -> assertThat(update.field("ts")).isEqualTo(MESSAGE_TS));
        assertThat(digestedIncidents(rewrites.getLast())).isEqualTo(storm.size() - alone);
    }

    @Test
    void aRedeliveredPageOfADigestAddsNoSecondEntry() throws Exception {
        String user = SLACK.newUser();
        List<PageRequested> storm = checkoutStorm(user, 8);
        List<ProducerRecord<byte[], byte[]>> requests = new ArrayList<>();
        for (PageRequested page : storm) {
            requests.add(kafka.record(Topics.PAGES, page, "event-" + UUID.randomUUID()));
            kafka.send(requests.getLast());
        }
        await().atMost(PATIENCE).until(() -> deliveredAll(storm) && digestsPostedTo(user).size() == 1);
        long folded = storm.stream().filter(page -> ((PageDelivered) outcomesOf(page.pageId()).getFirst()).digest()
                != null).count();

        for (ProducerRecord<byte[], byte[]> request : requests) {
            kafka.send(request);
        }
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.PAGES));
        List<PageRequested> oneMore = checkoutStorm(user, 1);
        publish(oneMore);
        await().atMost(PATIENCE).until(() -> deliveredAll(oneMore));

        assertThat(storm).allSatisfy(page -> assertThat(outcomesOf(page.pageId())).hasSize(1));
        assertThat(((PageDelivered) outcomesOf(oneMore.getFirst().pageId()).getFirst()).digest())
                .isEqualTo("digest of " + (folded + 1) + " incidents on Checkout API");
        assertThat(digestsPostedTo(user)).hasSize(1);
        assertThat(digestedIncidents(updatesTo(user).getLast())).isEqualTo(folded + 1);
    }

    @Test
    void aCriticalPageDuringAStormIsPostedBeforeTheLessUrgentPagesStillWaiting() throws Exception {
        String user = SLACK.newUser();
        SLACK.opensDmSlowlyAtFirst(user, Duration.ofSeconds(3));
        PageRequested first = page(user, "checkout-api", "Checkout API", Severity.WARNING);
        kafka.publish(Topics.PAGES, first, "event-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "SENDING".equals(status(first)));

        List<PageRequested> warnings = checkoutStorm(user, 3);
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

    @Test
    void acknowledgeAllOnADigestPublishesOneAcknowledgeCommandPerIncidentOfTheDigestOnce() throws Exception {
        String user = SLACK.newUser();
        List<PageRequested> storm = checkoutStorm(user, 8);
        publish(storm);
        await().atMost(PATIENCE).until(() -> deliveredAll(storm) && digestsPostedTo(user).size() == 1);
        List<String> digested = storm.stream().filter(page -> ((PageDelivered) outcomesOf(page.pageId()).getFirst())
                .digest() != null).map(PageRequested::incidentId).toList();
        String digestId = acknowledgeAllValue(digestsPostedTo(user).getFirst());

        String press = buttonPress(user, "digest_acknowledge_all", digestId);
        HttpResponse<String> pressed = postInteraction(press, SIGNING_SECRET);
        HttpResponse<String> retried = postInteraction(press, SIGNING_SECRET); // Slack's retry of the same press

        assertThat(List.of(pressed.statusCode(), retried.statusCode())).containsOnly(200);
        List<IncidentCommand> commands = await().atMost(PATIENCE).until(() -> commandsAboutAny(digested),
                found -> found.size() >= digested.size());
        assertThat(commands).hasSize(digested.size()).allSatisfy(command -> {
            assertThat(command).isInstanceOf(AcknowledgeIncident.class);
            assertThat(command.actor()).isEqualTo(Actor.slackUser(user, "alex"));
        });
        assertThat(commands).extracting(IncidentCommand::incidentId).containsExactlyInAnyOrderElementsOf(digested);
        assertThat(storm).filteredOn(page -> !digested.contains(page.incidentId()))
                .allSatisfy(page -> assertThat(commandsAbout(page.incidentId())).isEmpty());
    }

    private List<IncidentCommand> commandsAboutAny(List<String> incidentIds) {
        return kafka.events(Topics.INCIDENT_COMMANDS, IncidentCommand.class).stream().map(event -> event.data())
                .filter(command -> incidentIds.contains(command.incidentId())).toList();
    }

    /** The value of the Acknowledge all button of a digest message: the digest id. */
    private static String acknowledgeAllValue(SlackCall digest) {
        Matcher value = Pattern.compile("\"value\":\"(digest-[^\"]+)\"").matcher(digest.field("blocks"));
        assertThat(value.find()).as("an Acknowledge all button in %s", digest.field("blocks")).isTrue();
        return value.group(1);
    }

    /** A storm's pages: warnings of incidents on Checkout API, a millisecond apart (MongoDB keeps milliseconds). */
    private static List<PageRequested> checkoutStorm(String user, int incidents) {
        Instant now = Instant.now();
        return IntStream.range(0, incidents).mapToObj(i -> page(user, "checkout-api", "Checkout API", Severity.WARNING,
                now.plusMillis(i))).toList();
    }

    private void publish(List<PageRequested> pages) throws Exception {
        for (PageRequested page : pages) {
            kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        }
    }

    private boolean deliveredAll(List<PageRequested> pages) {
        Set<String> delivered = kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class).stream()
                .map(event -> event.data()).filter(PageDelivered.class::isInstance)
                .map(PageOutcomeEvent::pageId).collect(Collectors.toSet());
        return pages.stream().allMatch(page -> delivered.contains(page.pageId()));
    }

    private static List<SlackCall> postsTo(String user) {
        return SLACK.callsTo("chat.postMessage", dmOf(user));
    }

    private static List<SlackCall> digestsPostedTo(String user) {
        return postsTo(user).stream().filter(post -> post.field("blocks").contains("digest_actions")).toList();
    }

    private static List<SlackCall> updatesTo(String user) {
        return SLACK.callsTo("chat.update", dmOf(user));
    }

    /** How many incidents a digest message says it holds. */
    private static long digestedIncidents(SlackCall message) {
        Matcher headline = DIGEST_HEADLINE.matcher(message.field("text"));
        assertThat(headline.find()).as("a digest's text: %s", message.field("text")).isTrue();
        return Long.parseLong(headline.group(1));
    }

    private String status(PageRequested page) {
        org.bson.Document delivery = delivery(page.pageId());
        return delivery == null ? null : delivery.getString("status");
    }

    /** The incident of each message posted to the user's DM, in order. */
    private static List<String> postedIncidents(String user) {
        return postsTo(user).stream().map(StormIT::incidentOf).toList();
    }

    private static String incidentOf(SlackCall post) {
        String blocks = post.field("blocks");
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
}
