package io.oncallhq.postmortem.search;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RunningPostmortemService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static org.assertj.core.api.Assertions.assertThat;

/** Search with cursor pagination, comments on sections and review metrics, over HTTP. */
class SearchIT extends RunningPostmortemService {

    @Test
    void postmortemsAreFoundByTheirFactsAndTextAPageAtATime() {
        String team = "team-" + UUID.randomUUID();
        INCIDENT_SERVICE_TEAMS.team(team, "sam");
        String checkout = postmortemOf(team, "checkout-api", Severity.CRITICAL, 0);
        String search = postmortemOf(team, "search-api", Severity.WARNING, 3600);
        String queue = postmortemOf(team, "queue", Severity.CRITICAL, 7200);
        call("sam", HttpMethod.PATCH, "/postmortems/" + search + "/sections/summary", etagOf(search),
                Map.of("text", "The Connection Pool (primary) ran dry"));

        List<String> paged = new ArrayList<>();
        JsonNode first = call(HttpMethod.GET, "/postmortems/search?teamId=" + team + "&limit=2", null, null).json();
        first.get("items").forEach(item -> paged.add(item.get("id").asString()));
        JsonNode second = call(HttpMethod.GET, "/postmortems/search?teamId=" + team + "&limit=2&cursor="
                + first.get("nextCursor").asString(), null, null).json();
        second.get("items").forEach(item -> paged.add(item.get("id").asString()));

        assertThat(paged).containsExactlyInAnyOrder(checkout, search, queue);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(ids("teamId=" + team + "&severity=critical")).containsExactlyInAnyOrder(checkout, queue);
        assertThat(ids("teamId=" + team + "&serviceId=queue")).containsExactly(queue);
        assertThat(ids("teamId=" + team + "&q=connection pool (PRIMARY)")).containsExactly(search);
        assertThat(ids("teamId=" + team + "&q=connection.*primary")).isEmpty();
        assertThat(ids("teamId=" + team + "&from=" + TRIGGERED_AT.plusSeconds(3600) + "&to=" + TRIGGERED_AT.plusSeconds(7200)))
                .containsExactly(search);
        call("sam", HttpMethod.POST, "/postmortems/" + queue + "/submit", null, null);
        assertThat(ids("teamId=" + team + "&status=in_review")).containsExactly(queue);
        assertThat(call(HttpMethod.GET, "/postmortems/search?cursor=not-ours", null, null).status()).isEqualTo(400);
    }

    @Test
    void sectionsCollectCommentsWithoutChangingThePostmortem() {
        String id = postmortemOf("team-" + UUID.randomUUID(), "checkout-api", Severity.ERROR, 0);
        String etag = etagOf(id);

        assertThat(call("rita", HttpMethod.POST, "/postmortems/" + id + "/sections/impact/comments", null,
                Map.of("text", "How many customers?")).status()).isEqualTo(201);
        assertThat(call("rita", HttpMethod.POST, "/postmortems/" + id + "/sections/blame/comments", null,
                Map.of("text", "?")).status()).isEqualTo(404);

        JsonNode comments = call(HttpMethod.GET, "/postmortems/" + id + "/comments?section=impact", null, null).json();
        assertThat(comments).singleElement().satisfies(comment -> {
            assertThat(comment.get("by").asString()).isEqualTo("rita");
            assertThat(comment.get("text").asString()).isEqualTo("How many customers?");
        });
        assertThat(etagOf(id)).isEqualTo(etag);
    }

    @Test
    void reviewMetricsCountPublicationsAndOpenAndOverdueItemsPerTeam() {
        String team = "team-" + UUID.randomUUID();
        INCIDENT_SERVICE_TEAMS.team(team, "sam", "rita");
        String published = postmortemOf(team, "checkout-api", Severity.CRITICAL, 0);
        String draft = postmortemOf(team, "search-api", Severity.INFO, 60);
        call("sam", HttpMethod.PUT, "/postmortems/" + published + "/reviewers", null,
                Map.of("reviewers", new String[]{"rita"}));
        call("sam", HttpMethod.POST, "/postmortems/" + published + "/submit", null, null);
        call("rita", HttpMethod.POST, "/postmortems/" + published + "/publish", null, null);
        call(HttpMethod.POST, "/postmortems/" + draft + "/action-items", null,
                Map.of("title", "Alert earlier", "dueDate", "2020-01-01"));
        call(HttpMethod.POST, "/postmortems/" + draft + "/action-items", null,
                Map.of("title", "Write the runbook", "dueDate", "2999-01-01"));

        JsonNode metrics = call(HttpMethod.GET, "/metrics/review?teamId=" + team, null, null).json();

        assertThat(metrics).singleElement().satisfies(team1 -> {
            assertThat(team1.get("postmortems").asInt()).isEqualTo(2);
            assertThat(team1.get("published").asInt()).isEqualTo(1);
            assertThat(team1.get("medianResolveToPublishedSeconds").asLong()).isPositive();
            assertThat(team1.get("actionItemsOpen").asInt()).isEqualTo(2);
            assertThat(team1.get("actionItemsOverdue").asInt()).isEqualTo(1);
        });
    }

    private List<String> ids(String parameters) {
        return call(HttpMethod.GET, "/postmortems/search?" + parameters, null, null).json().get("items").valueStream()
                .map(item -> item.get("id").asString()).toList();
    }

    private String postmortemOf(String team, String service, Severity severity, int secondsAfterTrigger) {
        String incidentId = "inc-" + UUID.randomUUID();
        publish(new Recorded(UUID.randomUUID().toString(), new IncidentTriggered(incidentId, 7, service, service, team,
                service + " is slow", severity, service + "-slow", TRIGGERED_AT.plusSeconds(secondsAfterTrigger))));
        publish(new Recorded(UUID.randomUUID().toString(),
                new IncidentResolved(incidentId, ALEX, null, TRIGGERED_AT.plusSeconds(secondsAfterTrigger + 600))));
        return awaitPostmortem(incidentId, postmortem -> true).get("id").asString();
    }
}
