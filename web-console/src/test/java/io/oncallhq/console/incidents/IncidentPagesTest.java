package io.oncallhq.console.incidents;

import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.RESPONDER_TOKEN;
import static io.oncallhq.console.StubbedServices.VIEWER_TOKEN;
import static io.oncallhq.console.StubbedServices.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class IncidentPagesTest extends ConsolePageTest {

    private static final String TRIGGERED = """
            {"id":"inc-1","number":7,"serviceId":"checkout-api","serviceName":"Checkout API","teamId":"payments",
             "title":"Checkout latency <b>above</b> 2s","severity":"CRITICAL","priority":null,"status":"TRIGGERED",
             "triggeredAt":"2026-12-01T10:00:00Z","alerts":[{"dedupKey":"checkout-latency","summary":"p99 2.4s",
             "severity":"CRITICAL","status":"firing","firstSeenAt":"2026-12-01T10:00:00Z",
             "lastSeenAt":"2026-12-01T10:01:00Z","count":2}],
             "pages":[{"pageId":"p1","responderId":"alex","responderName":"Alex Rivera","level":1,"outcome":"delivered",
                       "requestedAt":"2026-12-01T10:00:01Z"}],
             "timeline":[{"at":"2026-12-01T10:00:00Z","kind":"triggered","actor":null,"text":"Triggered by an alert"}],
             "escalationLevel":1,"recentChanges":[]}""";

    @Test
    void openIncidentsComeBeforeResolvedOnesEvenWhenOlderThanTheNewestPageAndTitlesStayText() throws Exception {
        // The newest page holds only a resolved incident: the open one is older and only the open query finds it.
        StubbedServices.server().stubFor(as(RESPONDER_TOKEN, WireMock.get(WireMock.urlPathEqualTo("/incidents"))).atPriority(2)
                .willReturn(WireMock.okJson("""
                        [{"id":"new-resolved","number":9,"title":"Disk full","status":"RESOLVED","severity":"WARNING",
                          "serviceId":"db","triggeredAt":"2026-12-01T11:00:00Z","alertCount":1}]""")));
        StubbedServices.server().stubFor(as(RESPONDER_TOKEN, WireMock.get(WireMock.urlPathEqualTo("/incidents"))
                .withQueryParam("status", WireMock.equalTo("open"))).atPriority(1)
                .willReturn(WireMock.okJson("""
                        [{"id":"old-open","number":8,"title":"<script>alert(1)</script>","status":"TRIGGERED",
                          "severity":"CRITICAL","serviceId":"checkout-api","triggeredAt":"2026-12-01T09:00:00Z","alertCount":1}]""")));

        Document list = page("/incidents", session(mvc, RESPONDER_TOKEN));

        assertThat(list.select("#incident-rows tbody tr").eachAttr("data-incident-id"))
                .containsExactly("old-open", "new-resolved");
        assertThat(list.select("#incident-rows script")).isEmpty();
        assertThat(list.select("#incident-rows a").first().text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void theListPassesItsFiltersOnAndRefreshesItsRowsWithThem() throws Exception {
        MockHttpSession session = session(mvc, RESPONDER_TOKEN);

        Document list = page("/incidents?status=triggered&serviceId=checkout-api", session);

        assertThat(list.select("#incident-rows").attr("hx-get"))
                .isEqualTo("/incidents/rows?status=triggered&serviceId=checkout-api");
        assertThat(list.select("#incident-rows").attr("hx-trigger")).startsWith("every ");
        StubbedServices.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/incidents"))
                .withQueryParam("status", WireMock.equalTo("triggered"))
                .withQueryParam("serviceId", WireMock.equalTo("checkout-api")));
    }

    @Test
    void anIncidentShowsItsAlertsPagesAndTimelineAndTheResponderItsActions() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/incidents/inc-1")).willReturn(WireMock.okJson(TRIGGERED)));

        Document incident = page("/incidents/inc-1", session(mvc, RESPONDER_TOKEN));

        assertThat(incident.select("h1").text()).isEqualTo("#7 Checkout latency <b>above</b> 2s");
        assertThat(incident.text()).contains("p99 2.4s").contains("Alex Rivera: level 1 of the escalation policy")
                .contains("Triggered by an alert");
        assertThat(incident.select("button#acknowledge, button#resolve, button#escalate")).hasSize(3);
        assertThat(incident.select("form[method=post] input[name=_csrf]")).isNotEmpty();
    }

    @Test
    void aViewerSeesNoActionsAndAForgedPostNeverReachesTheService() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/incidents/inc-1")).willReturn(WireMock.okJson(TRIGGERED)));
        MockHttpSession viewer = session(mvc, VIEWER_TOKEN);

        Document incident = page("/incidents/inc-1", viewer);
        mvc.perform(post("/incidents/inc-1/resolve").with(csrf()).session(viewer)).andExpect(status().isForbidden());

        assertThat(incident.select("button")).extracting(element -> element.text()).containsExactly("Sign out");
        StubbedServices.server().verify(0, WireMock.postRequestedFor(WireMock.urlPathEqualTo("/incidents/inc-1/resolve")));
    }

    @Test
    void acknowledgingCallsTheServiceWithThePersonsTokenAndSaysSo() throws Exception {
        StubbedServices.server().stubFor(as(RESPONDER_TOKEN, WireMock.post(WireMock.urlPathEqualTo("/incidents/inc-1/acknowledge")))
                .willReturn(WireMock.okJson("{\"id\":\"inc-1\",\"notice\":\"already acknowledged by Alex Rivera at 10:02 UTC\"}")));
        MockHttpSession session = session(mvc, RESPONDER_TOKEN);

        String flash = mvc.perform(post("/incidents/inc-1/acknowledge").with(csrf()).session(session))
                .andExpect(redirectedUrl("/incidents/inc-1")).andReturn().getFlashMap().get("done").toString();

        assertThat(flash).isEqualTo("already acknowledged by Alex Rivera at 10:02 UTC");
    }

    @Test
    void aRefusedActionShowsTheServicesReason() throws Exception {
        StubbedServices.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/incidents/inc-1/acknowledge")).willReturn(WireMock.aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Conflict\",\"detail\":\"incident inc-1 is resolved\"}")));

        Object failure = mvc.perform(post("/incidents/inc-1/acknowledge").with(csrf())
                .session(session(mvc, RESPONDER_TOKEN))).andReturn().getFlashMap().get("failure");

        assertThat(failure).isEqualTo("incident inc-1 is resolved");
    }

    @Test
    void whenIncidentServiceIsDownTheListSaysSoInsteadOfFailing() throws Exception {
        MockHttpSession session = session(mvc, RESPONDER_TOKEN);
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/incidents")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(503)));

        Document list = page("/incidents", session);

        assertThat(list.select("#incident-rows .unavailable").text())
                .isEqualTo("incident-service is not answering right now. Try again in a moment.");
        assertThat(list.select("h1").text()).isEqualTo("Incidents");
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
