package io.oncallhq.console.postmortems;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.RESPONDER_TOKEN;
import static io.oncallhq.console.StubbedServices.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PostmortemPagesTest extends ConsolePageTest {

    private static final String DRAFT = """
            {"id":"pm-1","incidentId":"inc-1","incidentNumber":7,"title":"Checkout latency above 2s",
             "serviceId":"checkout-api","severity":"CRITICAL","status":"draft","startedAt":"2026-12-01T10:00:00Z",
             "timeToAcknowledge":{"iso":"PT2M","seconds":120},"responders":[],"changes":[],
             "timeline":[{"eventId":"e1","at":"2026-12-01T10:00:00Z","kind":"triggered","text":"Triggered"}],
             "sections":[{"key":"summary","heading":"Summary","text":"%s","edited":%s,"editedBy":%s}],
             "actionItems":[{"id":"ai-1","title":"Add a connection limit","owner":"alex","dueDate":"2020-01-01",
                             "priority":"high","status":"open"}],
             "author":null,"reviewers":[],"revision":1,"publishedVersions":[],"transitions":[],"version":%d}""";

    @BeforeEach
    void stubs() {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1/comments"))
                .willReturn(WireMock.okJson("[{\"id\":\"c1\",\"section\":\"summary\",\"by\":\"jordan\","
                        + "\"text\":\"<img src=x onerror=alert(1)>\",\"at\":\"2026-12-01T12:00:00Z\"}]")));
    }

    @Test
    void aSectionShowsAsSanitisedHtmlWithItsCommentsAndOverdueItems() throws Exception {
        stubDraft("**Bold** <script>alert(1)</script> [x](javascript:alert(1))", false, null, 3);

        Document page = page("/postmortems/pm-1", session(mvc, RESPONDER_TOKEN));

        assertThat(page.select("#section-summary .rendered strong").text()).isEqualTo("Bold");
        assertThat(page.select("script[src]").size()).isEqualTo(page.select("script").size());
        assertThat(page.select("#section-summary a[href^=javascript]")).isEmpty();
        assertThat(page.select(".comment-text").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.select("#action-items tr.overdue").text()).contains("Add a connection limit", "(overdue)");
        assertThat(page.select("#text-summary, #submit-review, #add-action-item")).hasSize(3);
    }

    @Test
    void aViewerReadsButGetsNoFormsToChangeIt() throws Exception {
        stubDraft("Text", false, null, 3);

        Document page = page("/postmortems/pm-1", session(mvc, VIEWER_TOKEN));

        assertThat(page.select("h1").text()).isEqualTo("Checkout latency above 2s");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void aSaveSendsTheVersionItWasMadeOnAndNamesNobody() throws Exception {
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/postmortems/pm-1/sections/summary"))
                .withHeader("If-Match", WireMock.equalTo("\"3\""))
                .withRequestBody(WireMock.equalToJson("{\"text\":\"New text\"}"))
                .willReturn(WireMock.okJson("{}")));

        mvc.perform(post("/postmortems/pm-1/sections/summary").with(csrf()).session(session(mvc, RESPONDER_TOKEN))
                        .param("text", "New text").param("version", "3"))
                .andExpect(redirectedUrl("/postmortems/pm-1"));

        StubbedServices.server().verify(WireMock.patchRequestedFor(
                WireMock.urlPathEqualTo("/postmortems/pm-1/sections/summary")));
    }

    @Test
    void aSaveThatMeetsANewerVersionShowsBothTextsToMerge() throws Exception {
        stubDraft("Their text", true, "\"jordan\"", 4);
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/postmortems/pm-1/sections/summary"))
                .willReturn(WireMock.aResponse().withStatus(412).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Precondition Failed\",\"currentVersion\":4}")));

        Document page = Jsoup.parse(mvc.perform(post("/postmortems/pm-1/sections/summary").with(csrf())
                        .session(session(mvc, RESPONDER_TOKEN)).param("text", "My text").param("version", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".merge-view .yours").text()).isEqualTo("My text");
        assertThat(page.select(".merge-view .theirs").text()).isEqualTo("Their text");
        assertThat(page.select(".merge-view").text()).contains("jordan saved a newer version");
        assertThat(page.select("#text-summary").text()).isEqualTo("My text");
        assertThat(page.select("#section-summary input[name=version]").val()).isEqualTo("4");
    }

    @Test
    void theExportIsPostmortemServicesMarkdown() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1"))
                .withHeader("Accept", WireMock.containing("text/markdown"))
                .willReturn(WireMock.ok("# Checkout latency above 2s\n\n## Summary\nNew text\n")
                        .withHeader("Content-Type", "text/markdown")));

        String export = mvc.perform(get("/postmortems/pm-1/export.md").session(session(mvc, VIEWER_TOKEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(export).isEqualTo("# Checkout latency above 2s\n\n## Summary\nNew text\n");
    }

    @Test
    void whenPostmortemServiceIsDownThePageSaysSo() throws Exception {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1"))
                .willReturn(WireMock.serverError()));

        Document page = page("/postmortems/pm-1", session(mvc, VIEWER_TOKEN));

        assertThat(page.select(".unavailable").text())
                .isEqualTo("postmortem-service is not answering right now. Try again in a moment.");
    }

    private void stubDraft(String text, boolean edited, String editedBy, long version) {
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1"))
                .willReturn(WireMock.okJson(DRAFT.formatted(text.replace("\"", "\\\""), edited, editedBy, version))));
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
