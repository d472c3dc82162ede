package io.oncallhq.postmortem.review;

import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RunningPostmortemService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.oncallhq.standins.IncidentServiceStandIn.FAILING;
import static io.oncallhq.standins.IncidentServiceStandIn.SILENT;
import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may move a post-mortem, with team membership asked of (a stand-in for) incident-service; mitigation marks. */
class ReviewRolesIT extends RunningPostmortemService {

    @Test
    void eachStepIsTakenOnlyByWhomItsRoleAllowsAndOthersAreToldWhyWithPersonalStaticTokens() {
        String base = "/postmortems/" + resolvedCheckoutPostmortem();

        Answer strangerSubmits = call("kim", HttpMethod.POST, base + "/submit", null, null);
        Answer strangerAssigns = call("kim", HttpMethod.PUT, base + "/reviewers", null,
                Map.of("reviewers", new String[]{"kim"}));
        Answer assigned = call("sam", HttpMethod.PUT, base + "/reviewers", null,
                Map.of("reviewers", new String[]{"rita", "alex", "lee"}));
        call("alex", HttpMethod.PATCH, base + "/sections/impact", etagOf(base.substring(13)),
                Map.of("text", "2% of checkouts failed"));
        Answer submitted = call("sam", HttpMethod.POST, base + "/submit", null, null);
        Answer authorPublishes = call("alex", HttpMethod.POST, base + "/publish", null, null);
        Answer teamMemberPublishes = call("sam", HttpMethod.POST, base + "/publish", null, null);
        Answer outsiderReviewerPublishes = call("lee", HttpMethod.POST, base + "/publish", null, null);
        Answer reviewerPublishes = call("rita", HttpMethod.POST, base + "/publish", null, null);

        assertThat(strangerSubmits.status()).isEqualTo(403);
        assertThat(strangerSubmits.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(strangerSubmits.json().get("detail").asString())
                .isEqualTo("Only the author or a member of team payments may submit it for review; kim is neither");
        assertThat(strangerAssigns.status()).isEqualTo(403);
        assertThat(assigned.json().get("reviewers").valueStream().map(JsonNode::asString))
                .containsExactly("rita", "alex", "lee");
        assertThat(submitted.json().get("author").asString()).isEqualTo("alex");
        assertThat(authorPublishes.status()).isEqualTo(403);
        assertThat(authorPublishes.json().get("detail").asString()).contains("alex is the author");
        assertThat(teamMemberPublishes.status()).isEqualTo(403);
        assertThat(outsiderReviewerPublishes.status()).isEqualTo(403);
        assertThat(outsiderReviewerPublishes.json().get("detail").asString())
                .contains("lee is an assigned reviewer but not a member of team payments");
        assertThat(reviewerPublishes.json().get("status").asString()).isEqualTo("published");
        assertThat(reviewerPublishes.json().get("transitions").get(1).get("by").asString()).isEqualTo("rita");
    }

    @Test
    void aResponderTokenNamingSomeoneElseInTheBodyIsRefusedAndASharedTokenIsNobodysReviewer() {
        String base = "/postmortems/" + resolvedCheckoutPostmortem();
        call("alex", HttpMethod.PATCH, base + "/sections/impact", etagOf(base.substring(13)),
                Map.of("text", "2% of checkouts failed"));
        call("alex", HttpMethod.PUT, base + "/reviewers", null, Map.of("reviewers", new String[]{"rita"}));
        call("alex", HttpMethod.POST, base + "/submit", null, null);

        Answer claimingRita = call("alex", HttpMethod.POST, base + "/publish", null, Map.of("by", "rita"));
        Answer sharedToken = send(TestTokens.RESPONDER, HttpMethod.POST, base + "/publish", null, null,
                MediaType.APPLICATION_JSON_VALUE);

        assertThat(claimingRita.status()).isEqualTo(400);
        assertThat(claimingRita.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(claimingRita.json().get("errors").get(0).get("field").asString()).isEqualTo("by");
        assertThat(sharedToken.status()).isEqualTo(403);
        assertThat(sharedToken.json().get("detail").asString()).endsWith("it-responder is not one");
        assertThat(call(HttpMethod.GET, base, null, null).json().get("status").asString()).isEqualTo("in_review");
    }

    @Test
    void withOidcTheAuthorMayNotApproveTheirOwnAndOnlyAReviewerFromTheTeamMay() {
        String id = resolvedCheckoutPostmortem();
        String base = "/postmortems/" + id;

        Answer edited = send(signedInAs("alex"), HttpMethod.PATCH, base + "/sections/impact", etagOf(id),
                Map.of("text", "2% of checkouts failed"), MediaType.APPLICATION_JSON_VALUE);
        send(signedInAs("sam"), HttpMethod.PUT, base + "/reviewers", null,
                Map.of("reviewers", new String[]{"alex", "lee", "rita"}), MediaType.APPLICATION_JSON_VALUE);
        send(signedInAs("sam"), HttpMethod.POST, base + "/submit", null, null, MediaType.APPLICATION_JSON_VALUE);
        Answer authorPublishes = send(signedInAs("alex"), HttpMethod.POST, base + "/publish", null, null,
                MediaType.APPLICATION_JSON_VALUE);
        Answer outsiderPublishes = send(signedInAs("lee"), HttpMethod.POST, base + "/publish", null, null,
                MediaType.APPLICATION_JSON_VALUE);
        Answer reviewerPublishes = send(signedInAs("rita"), HttpMethod.POST, base + "/publish", null, null,
                MediaType.APPLICATION_JSON_VALUE);

        assertThat(edited.json().get("author").asString()).isEqualTo("alex");
        assertThat(authorPublishes.status()).isEqualTo(403);
        assertThat(authorPublishes.json().get("detail").asString())
                .isEqualTo("alex is the author and may not publish their own post-mortem; another assigned reviewer must");
        assertThat(outsiderPublishes.status()).isEqualTo(403);
        assertThat(reviewerPublishes.json().get("status").asString()).isEqualTo("published");
    }

    @Test
    void whenIncidentServiceCannotBeAskedATeamStepIsA503ButTheAuthorNeedsNoAnswer() {
        String failing = postmortemOfTeam(FAILING);
        String silent = postmortemOfTeam(SILENT);

        Answer failed = call("sam", HttpMethod.POST, "/postmortems/" + failing + "/submit", null, null);
        Answer timedOut = call("sam", HttpMethod.POST, "/postmortems/" + silent + "/submit", null, null);
        call("kim", HttpMethod.PATCH, "/postmortems/" + failing + "/title", etagOf(failing), Map.of("title", "Search lag"));
        Answer byAuthor = call("kim", HttpMethod.POST, "/postmortems/" + failing + "/submit", null, null);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(failed.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(byAuthor.json().get("status").asString()).isEqualTo("in_review");
    }

    @Test
    void aResponderMarksTheMitigationAndTheTimeToMitigateAppears() {
        String id = resolvedCheckoutPostmortem();
        JsonNode draft = call(HttpMethod.GET, "/postmortems/" + id, null, null).json();
        String rollback = draft.get("timeline").valueStream()
                .filter(entry -> entry.get("text").asString().startsWith("Note: Rolled back")).findFirst()
                .orElseThrow().get("eventId").asString();

        Answer tooEarly = call("alex", HttpMethod.PUT, "/postmortems/" + id + "/mitigation", etagOf(id),
                Map.of("at", TRIGGERED_AT.minusSeconds(3600).toString()));
        Answer marked = call("alex", HttpMethod.PUT, "/postmortems/" + id + "/mitigation", etagOf(id),
                Map.of("eventId", rollback));
        Answer markdown = call(HttpMethod.GET, "/postmortems/" + id, null, null, "text/markdown");

        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
        assertThat(marked.json().get("timeToMitigate").get("seconds").asLong()).isEqualTo(12 * 60);
        assertThat(marked.json().get("mitigation").get("by").asString()).isEqualTo("alex");
        assertThat(markdown.body()).contains("| Time to mitigate | 12 min |", "| Alex Rivera | 1 | delivered (slack) |");
    }

    private String resolvedCheckoutPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        resolvedCheckoutIncident(incidentId).forEach(this::publish);
        return awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7).get("id").asString();
    }

    private String postmortemOfTeam(String team) {
        String incidentId = "inc-" + UUID.randomUUID();
        publish(new Recorded(UUID.randomUUID().toString(), new IncidentTriggered(incidentId, 9, "search-api",
                "Search API", team, "Search index lagging", Severity.WARNING, "search-lag", TRIGGERED_AT)));
        publish(new Recorded(UUID.randomUUID().toString(),
                new IncidentResolved(incidentId, ALEX, null, TRIGGERED_AT.plusSeconds(600))));
        return awaitPostmortem(incidentId, postmortem -> true).get("id").asString();
    }
}
