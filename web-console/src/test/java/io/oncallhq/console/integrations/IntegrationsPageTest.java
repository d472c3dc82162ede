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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TestPropertySource(properties = "console.alert-ingest-public-url=https://ingest.example.com")
class IntegrationsPageTest extends ConsolePageTest {

    @BeforeEach
    void stubs() {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/integrations")).willReturn(WireMock.okJson(
                "[{\"id\":\"int-1\",\"serviceId\":\"checkout-api\",\"name\":\"Prometheus\",\"type\":\"alertmanager\","
                        + "\"grouping\":\"group\",\"keys\":[{\"id\":\"k1\",\"createdAt\":\"2026-12-01T10:00:00Z\"}]}]")));
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
}
