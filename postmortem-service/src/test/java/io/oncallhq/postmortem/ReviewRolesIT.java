package io.oncallhq.postmortem;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.oncallhq.postmortem.IncidentServiceStandIn.FAILING;
import static io.oncallhq.postmortem.IncidentServiceStandIn.SILENT;
import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may move a post-mortem, with team membership asked of (a stand-in for) incident-service; mitigation marks. */
class ReviewRolesIT extends ServiceITSupport {

    @Test
    void eachStepIsTakenOnlyByWhomItsRoleAllowsAndOthersAreToldWhy() {
        String base = "/postmortems/" + resolvedCheckoutPostmortem();

        Answer strangerSubmits = call(HttpMethod.POST, base + "/submit", null, Map.of("by", "kim"));
        Answer strangerAssigns = call(HttpMethod.PUT, base + "/reviewers", null,
                Map.of("reviewers", new String[]{"kim"}, "by", "kim"));
        Answer assigned = call(HttpMethod.PUT, base + "/reviewers", null,
                Map.of("reviewers", new String[]{"rita", "alex"}, "by", "sam"));
        call(HttpMethod.PATCH, base + "/sections/impact", etagOf(base.substring(13)),
                Map.of("text", "2% of checkouts failed", "by", "alex"));
        Answer submitted = call(HttpMethod.POST, base + "/submit", null, Map.of("by", "sam"));
        Answer authorPublishes = call(HttpMethod.POST, base + "/publish", null, Map.of("by", "alex"));
        Answer teamMemberPublishes = call(HttpMethod.POST, base + "/publish", null, Map.of("by", "sam"));
        Answer reviewerPublishes = call(HttpMethod.POST, base + "/publish", null, Map.of("by", "rita"));

        assertThat(strangerSubmits.status()).isEqualTo(403);
        assertThat(strangerSubmits.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(strangerSubmits.json().get("detail").asString())
                .isEqualTo("Only the author or a member of team payments may submit it for review; kim is neither");
        assertThat(strangerAssigns.status()).isEqualTo(403);
        assertThat(assigned.json().get("reviewers").valueStream().map(JsonNode::asString)).containsExactly("rita", "alex");
        assertThat(submitted.json().get("author").asString()).isEqualTo("alex");
        assertThat(authorPublishes.status()).isEqualTo(403);
        assertThat(authorPublishes.json().get("detail").asString()).contains("alex is the author");
        assertThat(teamMemberPublishes.status()).isEqualTo(403);
        assertThat(reviewerPublishes.json().get("status").asString()).isEqualTo("published");
    }

    @Test
    void whenIncidentServiceCannotBeAskedATeamStepIsA503ButTheAuthorNeedsNoAnswer() {
        String failing = postmortemOfTeam(FAILING);
        String silent = postmortemOfTeam(SILENT);

        Answer failed = call(HttpMethod.POST, "/postmortems/" + failing + "/submit", null, Map.of("by", "sam"));
        Answer timedOut = call(HttpMethod.POST, "/postmortems/" + silent + "/submit", null, Map.of("by", "sam"));
        call(HttpMethod.PATCH, "/postmortems/" + failing + "/title", etagOf(failing), Map.of("title", "Search lag", "by", "kim"));
        Answer byAuthor = call(HttpMethod.POST, "/postmortems/" + failing + "/submit", null, Map.of("by", "kim"));

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

        Answer tooEarly = call(HttpMethod.PUT, "/postmortems/" + id + "/mitigation", etagOf(id),
                Map.of("at", TRIGGERED_AT.minusSeconds(3600).toString(), "by", "alex"));
        Answer marked = call(HttpMethod.PUT, "/postmortems/" + id + "/mitigation", etagOf(id),
                Map.of("eventId", rollback, "by", "alex"));
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
