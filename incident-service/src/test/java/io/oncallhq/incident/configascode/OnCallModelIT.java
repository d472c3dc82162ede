package io.oncallhq.incident.configascode;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.page.ContactMethod;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.incident.RunningIncidentService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The on-call model managed over REST and as code (the example document, whose ids no other test uses), with the
 * demo seed applied through the same code at startup.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test applies the example first; the others again
class OnCallModelIT extends RunningIncidentService {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Test
    @Order(1)
    void theExampleDocumentShowsItsDiffInADryRunAppliesAndChangesNothingWhenAppliedAgain() throws Exception {
        String example = Files.readString(Path.of("examples/oncall.yaml"));
        String changedExample = example.replace("email: sam@example.com", "email: sam.okafor@example.com");
        JsonNode dryRun = body(configure(example, "dryRun", "true").andExpect(status().isOk()));

        assertThat(dryRun.get("summary").get("created").asInt()).isEqualTo(7);
        assertThat(actions(dryRun)).contains("responder sam created", "team storefront created",
                "schedule storefront-primary created", "service storefront-web created");
        mvc.perform(get("/teams/storefront")).andExpect(status().isNotFound());

        JsonNode applied = body(configure(example).andExpect(status().isOk()));
        assertThat(applied.get("summary").get("created").asInt()).isEqualTo(7);
        JsonNode team = body(mvc.perform(get("/teams/storefront")).andExpect(status().isOk()));
        assertThat(team.get("members").toString()).isEqualTo("[\"sam\",\"kim\",\"lee\"]");
        assertThat(team.get("slackChannelId").asString()).isEqualTo("C0STOREFRONT");
        JsonNode sam = body(mvc.perform(get("/responders/sam")).andExpect(status().isOk()));
        assertThat(sam.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(sam.get("contactRules").get(1).get("address").asString())
                .isEqualTo("https://pager.example.com/hooks/sam");
        assertThat(sam.get("workingHours").get("end").asString()).isEqualTo("17:30");

        JsonNode again = body(configure(example).andExpect(status().isOk()));
        assertThat(again.get("summary").get("unchanged").asInt()).isEqualTo(7);
        assertThat(again.get("summary").get("created").asInt() + again.get("summary").get("changed").asInt())
                .isZero();

        JsonNode edited = body(configure(changedExample, "dryRun", "true").andExpect(status().isOk()));
        JsonNode samChange = StreamSupport.stream(edited.get("changes").spliterator(), false)
                .filter(change -> change.get("id").asString().equals("sam")).findFirst().orElseThrow();
        assertThat(samChange.get("action").asString()).isEqualTo("changed");
        assertThat(samChange.get("fields").toString()).isEqualTo(
                "[{\"field\":\"email\",\"before\":\"sam@example.com\",\"after\":\"sam.okafor@example.com\"}]");

        JsonNode pruned = body(configure(example, "dryRun", "true", "prune", "true").andExpect(status().isOk()));
        assertThat(actions(pruned)).contains("responder alex deleted", "team payments deleted",
                "schedule payments-primary deleted", "service checkout-api deleted");
        mvc.perform(get("/teams/payments")).andExpect(status().isOk());
    }

    @Test
    void aPageForAServiceOfTheExampleCarriesTheRespondersContactRulesAndTheTeamChannel() throws Exception {
        configure(Files.readString(Path.of("examples/oncall.yaml"))).andExpect(status().isOk());
        String title = "Search down " + UUID.randomUUID();

        kafka.publish(Topics.ALERTS, new AlertTriggered("storefront-search", "storefront-generic", "generic",
                "search-" + UUID.randomUUID(), null, title, Severity.CRITICAL, "search-1", Map.of(), Map.of(),
                Map.of(), List.of(), Instant.now(), Instant.now(), "{}"), "alert-" + UUID.randomUUID());

        PageRequested page = await().atMost(PATIENCE).until(() -> kafka.events(Topics.PAGES, PageEvent.class)
                .stream().map(ReceivedEvent::data).filter(PageRequested.class::isInstance)
                .map(PageRequested.class::cast).filter(found -> found.title().equals(title)).toList(),
                pages -> !pages.isEmpty()).getFirst();

        assertThat(page.target().responderId()).isEqualTo("sam");
        assertThat(page.target().contactRules()).containsExactly(
                new ContactMethod("slack", "U0SAM0001"),
                new ContactMethod("webhook", "https://pager.example.com/hooks/sam"),
                new ContactMethod("email", "sam@example.com"));
        assertThat(page.teamChannel()).isEqualTo("C0STOREFRONT");
    }

    @Test
    void aDocumentWithFaultsWritesNothingAndListsEveryFaultWithItsPath() throws Exception {
        String faulty = """
                responders:
                  dana: { name: Dana Wu, email: dana@example.com, timeZone: Mars/Olympus }
                teams:
                  search: { name: Search, members: [dana, nobody] }
                """;

        ResultActions result = configure(faulty).andExpect(status().isBadRequest());

        assertThat(result.andReturn().getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(fields(body(result)))
                .containsExactlyInAnyOrder("responders[dana].timeZoneKnown", "teams[search].members[1]");
        mvc.perform(get("/responders/dana")).andExpect(status().isNotFound());
    }

    @Test
    void theDemoSeedWentThroughTheDocumentAndKeepsItsSlackUserIdFromTheEnvironment() throws Exception {
        JsonNode alex = body(mvc.perform(get("/responders/alex")).andExpect(status().isOk()));

        assertThat(alex.get("slackUserId").asString()).isEqualTo(DEMO_SLACK_USER_ID);
        assertThat(alex.get("contactRules").toString()).isEqualTo("[{\"channel\":\"slack\",\"address\":\""
                + DEMO_SLACK_USER_ID + "\"},{\"channel\":\"email\",\"address\":\"alex@example.com\"}]");
        assertThat(body(mvc.perform(get("/services/checkout-api"))).get("teamId").asString()).isEqualTo("payments");
    }

    @Test
    void teamsAndRespondersAreManagedOverRestAndWhatIsStillReferencedCannotBeDeleted() throws Exception {
        mvc.perform(put("/responders/robin").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Robin Park", "email": "robin@example.com", "timeZone": "Asia/Seoul",
                 "contactRules": [{"channel": "email", "address": "robin@example.com"}],
                 "workingHours": {"days": ["MONDAY"], "start": "10:00", "end": "18:00"}}
                """)).andExpect(status().isOk());
        JsonNode invalid = body(mvc.perform(put("/responders/robin").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Robin Park", "email": "robin", "timeZone": "Asia/Seoul",
                 "contactRules": [{"channel": "slack", "address": "robin@example.com"}]}
                """)).andExpect(status().isBadRequest()));
        assertThat(fields(invalid)).containsExactlyInAnyOrder("email", "contactRules[0].addressFitForChannel");
        mvc.perform(put("/teams/mobile").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Mobile\", \"members\": [\"robin\"]}")).andExpect(status().isOk());

        JsonNode robinInUse = body(mvc.perform(delete("/responders/robin")).andExpect(status().isConflict()));
        assertThat(robinInUse.get("referencedBy").toString()).isEqualTo("[\"teams/mobile\"]");
        JsonNode paymentsInUse = body(mvc.perform(delete("/teams/payments")).andExpect(status().isConflict()));
        assertThat(paymentsInUse.get("referencedBy").toString()).contains("services/checkout-api");
        JsonNode alexInUse = body(mvc.perform(delete("/responders/alex")).andExpect(status().isConflict()));
        assertThat(alexInUse.get("referencedBy").toString()).contains("schedules/payments-primary");

        mvc.perform(delete("/teams/mobile")).andExpect(status().isNoContent());
        mvc.perform(delete("/responders/robin")).andExpect(status().isNoContent());
        mvc.perform(get("/responders/robin")).andExpect(status().isNotFound());
        mvc.perform(get("/teams/mobile")).andExpect(status().isNotFound());
    }

    private ResultActions configure(String yaml, String... parameters) throws Exception {
        var request = post("/oncall-config").contentType(YAML).content(yaml);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    private static List<String> actions(JsonNode response) {
        return StreamSupport.stream(response.get("changes").spliterator(), false)
                .map(change -> change.get("kind").asString() + " " + change.get("id").asString() + " "
                        + change.get("action").asString()).toList();
    }
}
