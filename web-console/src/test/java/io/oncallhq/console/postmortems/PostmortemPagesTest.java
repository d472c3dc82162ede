package io.oncallhq.console.postmortems;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import java.net.URI;

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
             "timeline":[{"eventId":"e1","at":"2026-12-01T10:00:00Z","kind":"triggered","text":"Triggered"},
                         {"eventId":"e2","at":"2026-12-01T10:02:00Z","kind":"acknowledged","text":"Acknowledged",
                          "hidden":true},
                         {"eventId":"a1","at":"2026-12-01T10:05:00Z","kind":"added","text":"Rolled back <b>v42</b>",
                          "actor":"sam"}],
             "mitigation":{"at":"2026-12-01T10:02:00Z","eventId":"e2","by":"sam"},
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

    @Test
    void aResponderCuratesTheTimelineAndAViewerReadsItWithoutTheHiddenEntries() throws Exception {
        stubDraft("Text", false, null, 3);

        Document responders = page("/postmortems/pm-1", session(mvc, RESPONDER_TOKEN));
        Document viewers = page("/postmortems/pm-1", session(mvc, VIEWER_TOKEN));

        assertThat(responders.select("#timeline .entry-text").eachText())
                .containsExactly("Triggered", "Acknowledged", "Rolled back <b>v42</b>");
        assertThat(responders.select("#timeline li.hidden-entry button").eachText()).contains("Show");
        assertThat(responders.select("#timeline li").get(2).select("form")).isEmpty();
        assertThat(responders.select("#timeline b")).isEmpty();
        assertThat(responders.select("#timeline li.hidden-entry .mitigated").text()).isEqualTo("impact ended here");
        assertThat(responders.select("#timeline li.hidden-entry button").eachText()).doesNotContain("Impact ended here");
        assertThat(responders.select("dl.facts").text()).contains("Impact ended 2026-12-01 10:02 UTC (marked by sam)");
        assertThat(viewers.select("#timeline .entry-text").eachText())
                .containsExactly("Triggered", "Rolled back <b>v42</b>");
        assertThat(viewers.select("#timeline form, #add-timeline-entry")).isEmpty();
    }

    @Test
    void timelineChangesCarryTheVersionThePageShowed() throws Exception {
        var responder = session(mvc, RESPONDER_TOKEN);
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/postmortems/pm-1/timeline/e2"))
                .willReturn(WireMock.okJson("{}")));
        StubbedServices.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/postmortems/pm-1/timeline"))
                .willReturn(WireMock.okJson("{}")));
        StubbedServices.server().stubFor(WireMock.put(WireMock.urlPathEqualTo("/postmortems/pm-1/mitigation"))
                .willReturn(WireMock.okJson("{}")));

        mvc.perform(post("/postmortems/pm-1/timeline/e2").with(csrf()).session(responder)
                .param("version", "3").param("hidden", "false")).andExpect(redirectedUrl("/postmortems/pm-1"));
        mvc.perform(post("/postmortems/pm-1/timeline/e2").with(csrf()).session(responder)
                .param("version", "4").param("annotation", " Paged at night ")).andExpect(redirectedUrl("/postmortems/pm-1"));
        mvc.perform(post("/postmortems/pm-1/timeline").with(csrf()).session(responder).param("version", "5")
                .param("at", "2026-12-01T10:07").param("text", "Decided to roll back"));
        mvc.perform(post("/postmortems/pm-1/mitigation").with(csrf()).session(responder).param("version", "6")
                .param("eventId", "e2"));

        StubbedServices.server().verify(WireMock.patchRequestedFor(WireMock.urlPathEqualTo("/postmortems/pm-1/timeline/e2"))
                .withHeader("If-Match", WireMock.equalTo("\"3\"")).withRequestBody(WireMock.equalToJson("{\"hidden\":false}")));
        StubbedServices.server().verify(WireMock.patchRequestedFor(WireMock.urlPathEqualTo("/postmortems/pm-1/timeline/e2"))
                .withHeader("If-Match", WireMock.equalTo("\"4\""))
                .withRequestBody(WireMock.equalToJson("{\"annotation\":\"Paged at night\"}")));
        StubbedServices.server().verify(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/postmortems/pm-1/timeline"))
                .withHeader("If-Match", WireMock.equalTo("\"5\"")).withRequestBody(WireMock.equalToJson(
                        "{\"at\":\"2026-12-01T10:07:00Z\",\"text\":\"Decided to roll back\"}")));
        StubbedServices.server().verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/postmortems/pm-1/mitigation"))
                .withHeader("If-Match", WireMock.equalTo("\"6\"")).withRequestBody(WireMock.equalToJson("{\"eventId\":\"e2\"}")));
    }

    @Test
    void aTitleThatMeetsANewerVersionIsRefusedAndWhatWasTypedIsRepeated() throws Exception {
        var responder = session(mvc, RESPONDER_TOKEN);
        stubDraft("Text", false, null, 4);
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/postmortems/pm-1/title"))
                .withHeader("If-Match", WireMock.equalTo("\"3\""))
                .willReturn(WireMock.aResponse().withStatus(412).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Stale version\",\"detail\":\"Post-mortem pm-1 changed since you read it.\"}")));

        var flash = mvc.perform(post("/postmortems/pm-1/title").with(csrf()).session(responder)
                        .param("title", "Checkout <i>slow</i>").param("version", "3"))
                .andExpect(redirectedUrl("/postmortems/pm-1")).andReturn().getFlashMap();
        Document page = Jsoup.parse(mvc.perform(get("/postmortems/pm-1").session(responder).flashAttrs(flash))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select(".failure").text()).isEqualTo(
                "Post-mortem pm-1 changed since you read it. What you entered: \u201CCheckout <i>slow</i>\u201D");
        assertThat(page.select("#postmortem-title").val()).isEqualTo("Checkout latency above 2s");
        assertThat(page.select("#postmortem-title").parents().select("input[name=version]").val()).isEqualTo("4");
    }

    @Test
    void anActionItemEditSendsOnlyTheFieldsFilledIn() throws Exception {
        stubDraft("Text", false, null, 3);
        StubbedServices.server().stubFor(WireMock.patch(WireMock.urlPathEqualTo("/postmortems/pm-1/action-items/ai-1"))
                .willReturn(WireMock.okJson("{}")));
        var responder = session(mvc, RESPONDER_TOKEN);

        Document page = page("/postmortems/pm-1", responder);
        mvc.perform(post("/postmortems/pm-1/action-items/ai-1").with(csrf()).session(responder)
                        .param("title", "").param("owner", " kim ").param("dueDate", "2027-01-15").param("priority", "low"))
                .andExpect(redirectedUrl("/postmortems/pm-1"));

        assertThat(page.select("#item-owner-0").val()).isEqualTo("alex");
        assertThat(page.select("#item-due-0").val()).isEqualTo("2020-01-01");
        assertThat(page.select("#item-priority-0 option[selected]").text()).isEqualTo("high");
        StubbedServices.server().verify(WireMock.patchRequestedFor(
                        WireMock.urlPathEqualTo("/postmortems/pm-1/action-items/ai-1"))
                .withRequestBody(WireMock.equalToJson("{\"owner\":\"kim\",\"dueDate\":\"2027-01-15\",\"priority\":\"low\"}")));
    }

    @Test
    void theListPagesWithPostmortemServicesCursor() throws Exception {
        var viewer = session(mvc, VIEWER_TOKEN);
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/search"))
                .willReturn(WireMock.okJson("{\"items\":[{\"id\":\"pm-1\",\"title\":\"First\",\"status\":\"draft\"}],"
                        + "\"nextCursor\":\"a+b/c=\"}")));
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/search"))
                .withQueryParam("cursor", WireMock.equalTo("a+b/c="))
                .willReturn(WireMock.okJson("{\"items\":[{\"id\":\"pm-2\",\"title\":\"Second\",\"status\":\"draft\"}],"
                        + "\"nextCursor\":null}")));

        Document first = Jsoup.parse(mvc.perform(get(URI.create("/postmortems?q=a%26b&severity=critical")).session(viewer))
                .andReturn().getResponse().getContentAsString());
        String next = first.select("#next-page").attr("href");
        Document second = Jsoup.parse(mvc.perform(get(URI.create(next)).session(viewer))
                .andReturn().getResponse().getContentAsString());

        assertThat(first.select("#first-page")).isEmpty();
        assertThat(second.select("main table a").text()).isEqualTo("Second");
        assertThat(second.select("#next-page")).isEmpty();
        assertThat(second.select("#first-page").attr("href")).isEqualTo("/postmortems?q=a%26b&severity=critical");
        StubbedServices.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/postmortems/search"))
                .withQueryParam("cursor", WireMock.equalTo("a+b/c=")).withQueryParam("q", WireMock.equalTo("a&b"))
                .withQueryParam("severity", WireMock.equalTo("critical")));
    }

    @Test
    void aPublishedVersionShowsTheLinesChangedSince() throws Exception {
        stubDraft("Checkout slowed down.\\nA deploy <em>raised</em> the pool size.", true, "\"sam\"", 5);
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1/versions/1"))
                .willReturn(WireMock.okJson("""
                        {"id":"pm-1","title":"Checkout slow","status":"published","version":4,"revision":1,
                         "sections":[{"key":"summary","heading":"Summary","text":"Checkout slowed down.\\nCause unknown."},
                                     {"key":"luck","heading":"Where we got lucky","text":"Low traffic."}]}""")));

        Document page = page("/postmortems/pm-1/versions/1", session(mvc, VIEWER_TOKEN));

        assertThat(page.select("#title-changes del").text()).isEqualTo("removed: Checkout slow");
        assertThat(page.select("#title-changes ins").text()).isEqualTo("added: Checkout latency above 2s");
        assertThat(page.select("#changes-0 h2").text()).isEqualTo("Summary");
        assertThat(page.select("#changes-0 li").eachText()).containsExactly("Checkout slowed down.",
                "removed: Cause unknown.", "added: A deploy <em>raised</em> the pool size.");
        assertThat(page.select("#changes-0 em")).isEmpty();
        assertThat(page.select("#changes-1 h2").text()).isEqualTo("Where we got lucky");
        assertThat(page.select("#changes-1 li").eachText()).containsExactly("removed: Low traffic.");
    }

    @Test
    void anUnknownVersionIsSaidPlainly() throws Exception {
        stubDraft("Text", false, null, 3);
        StubbedServices.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/postmortems/pm-1/versions/9"))
                .willReturn(WireMock.aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\"}")));

        Document page = page("/postmortems/pm-1/versions/9", session(mvc, VIEWER_TOKEN));

        assertThat(page.select(".unavailable").text()).isEqualTo("There is no such post-mortem or published version.");
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
