package io.oncallhq.postmortem.review;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RunningPostmortemService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.reopened;
import static io.oncallhq.postmortem.RecordedIncident.resolvedAgain;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing with ETags, the review workflow, published versions, Markdown export and team templates over HTTP. */
class PostmortemReviewIT extends RunningPostmortemService {

    @Test
    void anEditNeedsTheVersionItWasBasedOnAndAStaleOneIsRefused() {
        String incidentId = "inc-" + UUID.randomUUID();
        String id = resolvedPostmortem(incidentId);
        Answer read = call(HttpMethod.GET, "/postmortems/" + id, null, null);
        String etag = read.headers().getETag();
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");

        Answer withoutIfMatch = call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/sections/impact", null,
                Map.of("text", "2% of checkouts failed"));
        Answer edited = call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/sections/impact", etag,
                Map.of("text", "2% of checkouts failed"));
        Answer stale = call("kim", HttpMethod.PATCH, "/postmortems/" + id + "/sections/impact", etag,
                Map.of("text", "Nothing was affected"));

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.headers().getETag()).isNotEqualTo(etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(edited.json().get("version").asLong());
        assertThat(stale.headers().getETag()).isEqualTo(edited.headers().getETag());
        assertThat(call(HttpMethod.GET, "/postmortems/" + id, null, null).json().get("impact").asString())
                .isEqualTo("2% of checkouts failed");
    }

    @Test
    void ofTwoEditsMadeAtOnceFromTheSameVersionOneWinsAndTheOtherIsRefused() {
        String id = resolvedPostmortem("inc-" + UUID.randomUUID());
        String etag = etagOf(id);

        List<CompletableFuture<Answer>> edits = Stream.of("sam", "kim").map(who -> CompletableFuture.supplyAsync(() ->
                call(who, HttpMethod.PATCH, "/postmortems/" + id + "/sections/impact", etag,
                        Map.of("text", "Impact as " + who + " saw it")))).toList();
        List<Answer> answers = edits.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 412);
        Answer winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow();
        assertThat(call(HttpMethod.GET, "/postmortems/" + id, null, null).json().get("impact").asString())
                .isEqualTo(winner.json().get("impact").asString());
    }

    @Test
    void reopeningAndResolvingAgainKeepsEditedSectionsAndRegeneratesTheRest() {
        String incidentId = "inc-" + UUID.randomUUID();
        String id = resolvedPostmortem(incidentId);
        call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/sections/summary", etagOf(id),
                Map.of("text", "Checkout slowed down after a release"));

        publish(reopened(incidentId, UUID.randomUUID().toString(), 40 * 60));
        publish(resolvedAgain(incidentId, UUID.randomUUID().toString(), 50 * 60));
        JsonNode refreshed = awaitPostmortem(incidentId, postmortem -> postmortem.get("timeToResolve").get("seconds").asLong() == 52 * 60);

        assertThat(refreshed.get("summary").asString()).isEqualTo("Checkout slowed down after a release");
        assertThat(section(refreshed, "response").get("text").asString()).contains("Resolved 52 min after");
        assertThat(section(refreshed, "summary").get("editedBy").asString()).isEqualTo("sam");
    }

    @Test
    void theTimelineIsCuratedWithTheSameVersionCheckAsSections() {
        String id = resolvedPostmortem("inc-" + UUID.randomUUID());
        JsonNode draft = call(HttpMethod.GET, "/postmortems/" + id, null, null).json();
        String paging = draft.get("timeline").get(2).get("eventId").asString();

        Answer hidden = call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/timeline/" + paging, etagOf(id),
                Map.of("hidden", true, "annotation", "Superseded by the delivery"));
        Answer added = call("sam", HttpMethod.POST, "/postmortems/" + id + "/timeline", etagOf(id),
                Map.of("at", TRIGGERED_AT.plusSeconds(15 * 60).toString(), "text", "Decided to roll back"));

        assertThat(hidden.json().get("timeline").get(2).get("hidden").asBoolean()).isTrue();
        assertThat(hidden.json().get("timeline").get(2).get("annotation").asString()).isEqualTo("Superseded by the delivery");
        assertThat(texts(added.json())).contains("Decided to roll back");
        assertThat(call("sam", HttpMethod.POST, "/postmortems/" + id + "/timeline", null,
                Map.of("at", TRIGGERED_AT.toString(), "text", "x")).status()).isEqualTo(428);
        assertThat(call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/timeline/no-such-event", etagOf(id),
                Map.of("hidden", true)).status()).isEqualTo(404);
    }

    @Test
    void aPostmortemIsReviewedPublishedAndEditedIntoANewRevision() {
        String id = resolvedPostmortem("inc-" + UUID.randomUUID());
        String base = "/postmortems/" + id;
        call("sam", HttpMethod.PUT, base + "/reviewers", null, Map.of("reviewers", new String[]{"rita"}));

        assertThat(call("rita", HttpMethod.POST, base + "/publish", null, null).status()).isEqualTo(409);
        assertThat(call("sam", HttpMethod.POST, base + "/submit", null, null).json().get("status").asString())
                .isEqualTo("in_review");
        assertThat(call("sam", HttpMethod.PATCH, base + "/sections/impact", etagOf(id), Map.of("text", "x"))
                .status()).isEqualTo(409);
        assertThat(call("rita", HttpMethod.POST, base + "/request-changes", null,
                Map.of("comment", "Please describe the impact")).json().get("status").asString())
                .isEqualTo("draft");
        call("sam", HttpMethod.PATCH, base + "/sections/impact", etagOf(id), Map.of("text", "2% of checkouts failed"));
        call("sam", HttpMethod.POST, base + "/submit", null, null);
        Answer published = call("rita", HttpMethod.POST, base + "/publish", null, null);
        assertThat(published.json().get("status").asString()).isEqualTo("published");
        assertThat(call("rita", HttpMethod.POST, base + "/request-changes", null, null).status()).isEqualTo(409);

        Answer retitled = call("sam", HttpMethod.PATCH, base + "/title", etagOf(id),
                Map.of("title", "Checkout latency after release 2026.11.20-1"));
        call("sam", HttpMethod.PATCH, base + "/sections/impact", etagOf(id), Map.of("text", "3% of checkouts failed"));

        assertThat(retitled.json().get("status").asString()).isEqualTo("draft");
        assertThat(retitled.json().get("revision").asInt()).isEqualTo(2);
        JsonNode versions = call(HttpMethod.GET, base + "/versions", null, null).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("publishedBy").asString()).isEqualTo("rita");
        JsonNode first = call(HttpMethod.GET, base + "/versions/1", null, null).json();
        assertThat(first.get("impact").asString()).isEqualTo("2% of checkouts failed");
        assertThat(first.get("title").asString()).isEqualTo("Post-mortem: #42 Checkout latency above 2s");
        assertThat(call(HttpMethod.GET, base, null, null).json().get("impact").asString())
                .isEqualTo("3% of checkouts failed");
        assertThat(call(HttpMethod.GET, base + "/versions/2", null, null).status()).isEqualTo(404);
    }

    @Test
    void markdownIsServedToWhoeverAsksForIt() {
        String id = resolvedPostmortem("inc-" + UUID.randomUUID());

        Answer markdown = call(HttpMethod.GET, "/postmortems/" + id, null, null, "text/markdown");
        Answer json = call(HttpMethod.GET, "/postmortems/" + id, null, null, "*/*");

        assertThat(markdown.headers().getContentType().isCompatibleWith(MediaType.parseMediaType("text/markdown"))).isTrue();
        assertThat(markdown.body()).startsWith("# Post-mortem: #42 Checkout latency above 2s\n")
                .contains("| Time to resolve | 30 min |", "## Timeline", "| Resolved by Alex Rivera |");
        assertThat(json.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(json.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void aTeamsTemplateShapesItsNextPostmortems() {
        String team = "search-" + UUID.randomUUID();
        Answer put = call(HttpMethod.PUT, "/teams/" + team + "/template", null, Map.of(
                "low", new Object[]{Map.of("key", "summary", "heading", "What happened"),
                        Map.of("key", "followUp", "heading", "Follow-up", "guidance", "What we change")},
                "high", new Object[]{Map.of("key", "summary", "heading", "Summary")}));
        assertThat(put.status()).isEqualTo(200);
        assertThat(call(HttpMethod.PUT, "/teams/" + team + "/template", null, Map.of("low", new Object[0]))
                .json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("low", "high");
        assertThat(call(HttpMethod.PUT, "/teams/" + team + "/template", null, Map.of(
                "low", new Object[]{Map.of("key", "summary", "heading", "A"), Map.of("key", "summary", "heading", "B")},
                "high", new Object[]{Map.of("key", "summary", "heading", "Summary")}))
                .json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("keysUnique");

        String incidentId = "inc-" + UUID.randomUUID();
        publish(new Recorded(UUID.randomUUID().toString(), new IncidentTriggered(incidentId, 7, "search-api",
                "Search API", team, "Search index lagging", Severity.WARNING, "search-lag", TRIGGERED_AT)));
        publish(new Recorded(UUID.randomUUID().toString(),
                new IncidentResolved(incidentId, ALEX, null, TRIGGERED_AT.plusSeconds(600))));
        JsonNode draft = awaitPostmortem(incidentId, postmortem -> true);

        assertThat(draft.get("sections").valueStream().map(section -> section.get("heading").asString()))
                .containsExactly("What happened", "Follow-up");
        assertThat(call(HttpMethod.GET, "/teams/payments/template", null, null).json().get("high")).hasSize(9);
    }

    private String resolvedPostmortem(String incidentId) {
        resolvedCheckoutIncident(incidentId).forEach(this::publish);
        return awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7).get("id").asString();
    }

    private static JsonNode section(JsonNode postmortem, String key) {
        return postmortem.get("sections").valueStream().filter(section -> section.get("key").asString().equals(key))
                .findFirst().orElseThrow();
    }
}
