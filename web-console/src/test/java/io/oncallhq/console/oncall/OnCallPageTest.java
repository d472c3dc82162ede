package io.oncallhq.console.oncall;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OnCallPageTest extends ConsolePageTest {

    @BeforeEach
    void stubs() {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/schedules")).willReturn(WireMock.okJson(
                "[{\"id\":\"primary\",\"name\":\"Payments <b>primary</b>\",\"timeZone\":\"Europe/Berlin\",\"overrides\":[]}]")));
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/schedules/primary/shifts"))
                .willReturn(WireMock.okJson("[]")));
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/services")).willReturn(WireMock.okJson("""
                [{"id":"checkout-api","name":"Checkout API","teamId":"payments",
                  "escalationPolicy":[{"level":1,"responderIds":[],"delayMinutes":0,"scheduleIds":["primary"]}]},
                 {"id":"search-api","name":"Search API","teamId":"search",
                  "escalationPolicy":[{"level":1,"responderIds":["kim"],"delayMinutes":0,"scheduleIds":[]}]}]""")));
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/services/search-api/coverage"))
                .willReturn(WireMock.okJson("{\"serviceId\":\"search-api\",\"gaps\":[]}")));
    }

    @Test
    void eachServiceShowsTheGapsIncidentServiceReportsForItsLevels() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/services/checkout-api/coverage"))
                .willReturn(WireMock.okJson("""
                        {"serviceId":"checkout-api","from":"2026-12-07T08:00:00Z","to":"2026-12-21T08:00:00Z","gaps":[
                          {"serviceId":"checkout-api","level":1,"start":"2026-12-08T02:00:00Z","end":"2026-12-08T06:00:00Z",
                           "reason":"schedule-gap","schedules":[{"id":"primary","name":"Payments <b>primary</b>"},
                                                                {"id":"old","name":null}],
                           "message":"Checkout API, level 1: nobody on call from Dec 8 02:00 to Dec 8 06:00 UTC"}]}""")));

        Document page = page();

        assertThat(page.select("#coverage tr.gap").text()).isEqualTo("Checkout API 1 2026-12-08 02:00 UTC "
                + "2026-12-08 06:00 UTC nobody on call in Payments <b>primary</b>, old (deleted)");
        assertThat(page.select("#coverage b")).isEmpty();
        assertThat(page.select("#coverage tr.covered").text())
                .isEqualTo("Search API every level has someone on call throughout");
        StubbedServices.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/services/checkout-api/coverage"))
                .withQueryParam("from", WireMock.matching("\\d{4}-.*Z"))
                .withQueryParam("to", WireMock.matching("\\d{4}-.*Z")));
    }

    @Test
    void whenCoverageCannotBeReadOnlyItsPartOfThePageSaysSo() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/services/checkout-api/coverage"))
                .willReturn(WireMock.serverError()));

        Document page = page();

        assertThat(page.select("#coverage .unavailable").text())
                .isEqualTo("incident-service is not answering right now. Try again in a moment.");
        assertThat(page.select("#on-call-now tbody tr")).hasSize(2);
        assertThat(page.select("main > .unavailable")).isEmpty();
    }

    @Test
    void anUpcomingOverrideSaysWhoAddedIt() throws Exception {
        Instant tonight = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/schedules")).atPriority(1)
                .willReturn(WireMock.okJson("""
                        [{"id":"primary","name":"Payments primary","timeZone":"UTC","overrides":[
                          {"responderId":"blake","start":"%s","end":"%s","addedBy":"Dana <i>Kim</i>","addedAt":"%s"},
                          {"responderId":"sam","start":"%s","end":"%s"}]}]""".formatted(tonight,
                        tonight.plus(4, ChronoUnit.HOURS), Instant.now(), tonight.plus(4, ChronoUnit.HOURS),
                        tonight.plus(8, ChronoUnit.HOURS)))));
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/services/checkout-api/coverage"))
                .willReturn(WireMock.okJson("{\"serviceId\":\"checkout-api\",\"gaps\":[]}")));

        Document page = page();

        assertThat(page.select("li:contains(blake:)").text()).endsWith(" (added by Dana <i>Kim</i>)");
        assertThat(page.select("li:contains(sam:)").text()).doesNotContain("added by");
    }

    private Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get("/oncall").session(session(mvc, VIEWER_TOKEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
