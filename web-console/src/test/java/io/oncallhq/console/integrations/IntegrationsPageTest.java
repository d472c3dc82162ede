package io.oncallhq.console.integrations;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.ADMIN_TOKEN;
import static io.oncallhq.console.StubbedServices.RESPONDER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TestPropertySource(properties = "console.alert-ingest-public-url=https://ingest.example.com")
class IntegrationsPageTest extends ConsolePageTest {

    @BeforeEach
    void stubs() {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/integrations")).willReturn(WireMock.okJson(
                "[{\"id\":\"int-1\",\"serviceId\":\"checkout-api\",\"name\":\"Prometheus\",\"type\":\"alertmanager\","
                        + "\"grouping\":\"group\",\"keys\":[{\"id\":\"k1\",\"createdAt\":\"2026-12-01T10:00:00Z\"}]},"
                        + "{\"id\":\"int-3\",\"serviceId\":\"checkout-api\",\"name\":\"Nightly <b>backup</b>\","
                        + "\"type\":\"heartbeat\",\"grouping\":\"alert\",\"keys\":[]}]")));
    }

    @Test
    void aNewKeyIsShownOnceWithTheUrlsToPasteAndNeverCached() throws Exception {
        StubbedServices.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/integrations")).willReturn(
                WireMock.okJson("{\"integration\":{\"id\":\"int-2\"},\"key\":{\"id\":\"k2\",\"secret\":\"s3cr3t-key\"}}")
                        .withStatus(201)));

        MockHttpServletResponse response = mvc.perform(post("/integrations").with(csrf())
                        .session(session(mvc, ADMIN_TOKEN)).param("serviceId", "checkout-api")
                        .param("name", "Grafana").param("type", "grafana"))
                .andExpect(status().isOk()).andReturn().getResponse();
        Document page = Jsoup.parse(response.getContentAsString());

        assertThat(page.select("#new-key-secret").val()).isEqualTo("s3cr3t-key");
        assertThat(page.select(".new-key input").eachAttr("value"))
                .contains("https://ingest.example.com/integrations/s3cr3t-key/alertmanager",
                        "https://ingest.example.com/integrations/s3cr3t-key/grafana");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.select("#integrations").text()).contains("Prometheus");
        String listAfterwards = mvc.perform(get("/integrations").session(session(mvc, ADMIN_TOKEN)))
                .andReturn().getResponse().getContentAsString();
        assertThat(listAfterwards).doesNotContain("s3cr3t-key");
    }

    @Test
    void integrationsAreForAdminsOnly() throws Exception {
        var responder = session(mvc, RESPONDER_TOKEN);

        mvc.perform(get("/integrations").session(responder)).andExpect(status().isForbidden());
        String incidents = mvc.perform(get("/incidents").session(responder)).andReturn().getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(incidents).select("nav a").eachText()).doesNotContain("Integrations");
    }
    @Test
    void groupingIsOfferedWhereTheSenderGroupsAndHeartbeatsOnlyForHeartbeats() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/integrations").session(session(mvc, ADMIN_TOKEN)))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#integration-0 select[name=grouping] option[selected]").val()).isEqualTo("group");
        assertThat(page.select("#integration-0 .heartbeat")).isEmpty();
        assertThat(page.select("#integration-1 select[name=grouping]")).isEmpty();
        assertThat(page.select("#integration-1 .heartbeat button").eachText())
                .containsExactly("Start or reschedule", "Pause", "Resume");
        assertThat(page.select("#integration-1 td").first().text()).isEqualTo("Nightly <b>backup</b>");
        assertThat(page.select("#integrations b")).isEmpty();
        assertThat(page.select("#integration-1 form[action$=/delete] input[name=name]").val())
                .isEqualTo("Nightly <b>backup</b>");
    }

    @Test
    void groupingAndDeleteCallAlertIngestsAdminApi() throws Exception {
        var admin = session(mvc, ADMIN_TOKEN);
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/integrations/int-1"))
                .willReturn(WireMock.okJson("{\"id\":\"int-1\",\"name\":\"Prometheus\",\"grouping\":\"alert\"}")));
        StubbedServices.server().stubFor(WireMock.delete(WireMock.urlPathEqualTo("/integrations/int-1"))
                .willReturn(WireMock.noContent()));

        var grouped = mvc.perform(post("/integrations/int-1/grouping").with(csrf()).session(admin)
                .param("grouping", "alert")).andExpect(redirectedUrl("/integrations")).andReturn().getFlashMap();
        var deleted = mvc.perform(post("/integrations/int-1/delete").with(csrf()).session(admin)
                .param("name", "Prometheus")).andExpect(redirectedUrl("/integrations")).andReturn().getFlashMap();

        assertThat(grouped.get("done")).isEqualTo(
                "Prometheus now makes one incident per alert for the alerts it receives from now on.");
        assertThat(deleted.get("done")).isEqualTo("Prometheus deleted: its keys stop working within a second.");
        StubbedServices.server().verify(WireMock.patchRequestedFor(WireMock.urlPathEqualTo("/integrations/int-1"))
                .withRequestBody(WireMock.equalToJson("{\"grouping\":\"alert\"}")));
        StubbedServices.server().verify(WireMock.deleteRequestedFor(WireMock.urlPathEqualTo("/integrations/int-1")));
    }

    @Test
    void aHeartbeatChangeCallsAlertIngestAndSaysTheStateItAnswers() throws Exception {
        var admin = session(mvc, ADMIN_TOKEN);
        StubbedServices.server().stubFor(WireMock.put(WireMock.urlPathEqualTo("/integrations/int-3/heartbeat/settings"))
                .willReturn(WireMock.okJson("""
                        {"integrationId":"int-3","intervalSeconds":3600,"graceSeconds":300,"state":"up",
                         "lastPingAt":null,"dueAt":"2026-12-01T11:05:00Z"}""")));

        var flash = mvc.perform(post("/integrations/int-3/heartbeat").with(csrf()).session(admin)
                        .param("intervalSeconds", "3600").param("graceSeconds", "300"))
                .andExpect(redirectedUrl("/integrations")).andReturn().getFlashMap();

        assertThat(flash.get("done")).isEqualTo("Heartbeat saved: up.");
        StubbedServices.server().verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/integrations/int-3/heartbeat/settings"))
                .withRequestBody(WireMock.equalToJson("{\"intervalSeconds\":3600,\"graceSeconds\":300}")));
    }

    @Test
    void eachHeartbeatShowsItsStateLastPingAndWhenTheNextIsDue() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/integrations")).willReturn(WireMock.okJson(
                "[" + heartbeatIntegration("int-3") + "," + heartbeatIntegration("int-4") + ","
                        + heartbeatIntegration("int-5") + "," + heartbeatIntegration("int-6") + ","
                        + "{\"id\":\"int-1\",\"name\":\"Prometheus\",\"type\":\"alertmanager\",\"keys\":[]}]")));
        stubHeartbeat("int-3", "up", "\"2026-12-01T10:02:00Z\"", "2026-12-01T11:07:00Z");
        stubHeartbeat("int-4", "overdue", "null", "2026-12-01T09:05:00Z");
        stubHeartbeat("int-5", "paused", "\"2026-11-30T22:00:00Z\"", "2026-11-30T23:05:00Z");

        Document page = Jsoup.parse(mvc.perform(get("/integrations").session(session(mvc, ADMIN_TOKEN)))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#integration-0 .heartbeat-state").text()).isEqualTo("Heartbeat up: a ping every "
                + "1 h 0 min with 5 min 0 s grace, last ping 2026-12-01 10:02 UTC, next due by 2026-12-01 11:07 UTC");
        assertThat(page.select("#integration-1 .heartbeat-state").text()).isEqualTo("Heartbeat overdue: a ping every "
                + "1 h 0 min with 5 min 0 s grace, no ping yet, missed the ping due by 2026-12-01 09:05 UTC: an alert is open");
        assertThat(page.select("#integration-1 .heartbeat-state").hasClass("overdue")).isTrue();
        assertThat(page.select("#integration-2 .heartbeat-state").text()).isEqualTo("Heartbeat paused: a ping every "
                + "1 h 0 min with 5 min 0 s grace, last ping 2026-11-30 22:00 UTC");
        assertThat(page.select("#integration-3 .heartbeat-state").text()).isEqualTo("Heartbeat not started: set its interval.");
        assertThat(page.select("#integration-4 .heartbeat-state")).isEmpty();
        StubbedServices.server().verify(0, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/integrations/int-1/heartbeat/settings")));
    }

    @Test
    void aHeartbeatWhoseStateCannotBeReadSaysSoInItsRowAndTheRestOfThePageStays() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/integrations/int-3/heartbeat/settings"))
                .willReturn(WireMock.serverError()));

        Document page = Jsoup.parse(mvc.perform(get("/integrations").session(session(mvc, ADMIN_TOKEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#integration-1 .heartbeat-state.unavailable").text())
                .startsWith("Heartbeat state unavailable: alert-ingest-service is not answering right now");
        assertThat(page.select("#integration-0 td").first().text()).isEqualTo("Prometheus");
    }

    private static String heartbeatIntegration(String id) {
        return "{\"id\":\"%s\",\"serviceId\":\"nightly-backup\",\"name\":\"Backup %s\",\"type\":\"heartbeat\",\"keys\":[]}"
                .formatted(id, id);
    }

    private static void stubHeartbeat(String id, String state, String lastPingAt, String dueAt) {
        StubbedServices.server().stubFor(StubbedServices.as(ADMIN_TOKEN,
                WireMock.get(WireMock.urlPathEqualTo("/integrations/" + id + "/heartbeat/settings"))).willReturn(WireMock.okJson("""
                {"integrationId":"%s","intervalSeconds":3600,"graceSeconds":300,"state":"%s","lastPingAt":%s,"dueAt":"%s"}"""
                .formatted(id, state, lastPingAt, dueAt))));
    }

    @Test
    void aRefusalShowsAlertIngestsExplanation() throws Exception {
        var admin = session(mvc, ADMIN_TOKEN);
        StubbedServices.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/integrations/int-1/heartbeat/pause"))
                .willReturn(WireMock.aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"detail\":\"int-1 has no heartbeat\"}")));

        var flash = mvc.perform(post("/integrations/int-1/heartbeat/pause").with(csrf()).session(admin))
                .andExpect(redirectedUrl("/integrations")).andReturn().getFlashMap();

        assertThat(flash.get("failure")).isEqualTo("int-1 has no heartbeat");
    }
}
