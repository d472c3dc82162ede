package io.oncallhq.console.metrics;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MetricsPageTest extends ConsolePageTest {

    @Test
    void aViewerSeesPercentilesAsFiguresAndBarsAndPagesPerResponder() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/metrics/response")).willReturn(
                WireMock.okJson("""
                        {"from":"2026-11-07T00:00:00Z","to":"2026-12-07T00:00:00Z",
                         "services":[{"id":"checkout-api","incidents":4,
                                      "timeToAcknowledge":{"count":4,"p50":"PT2M","p90":"PT10M"},
                                      "timeToResolve":{"count":4,"p50":"PT30M","p90":"PT1H"}}],
                         "teams":[],
                         "responders":[{"responderId":"alex","name":"Alex Rivera","pages":6,"outsideWorkingHours":2}]}""")));

        Document page = Jsoup.parse(mvc.perform(get("/metrics?days=30").session(session(mvc, VIEWER_TOKEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#metrics-services tbody tr").text())
                .contains("checkout-api", "2 min 0 s / 10 min 0 s", "30 min 0 s / 1 h 0 min");
        assertThat(page.select("#metrics-services svg rect").eachAttr("width")).containsExactly("33", "6", "200", "100");
        assertThat(page.select("#metrics-responders").text()).contains("Alex Rivera 6 2");
        StubbedServices.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/metrics/response"))
                .withQueryParam("from", WireMock.matching("\\d{4}-.*Z")));
    }
}
