package io.oncallhq.notification.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook channel's body, against a WireMock receiver. */
class WebhookChannelTest {

    private static final Instant PAGED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        RECEIVER.start();
        RECEIVER.stubFor(post("/pages").willReturn(ok()));
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    @Test
    void thePageBodyCarriesTheServicesRecentChangesNewestFirst() {
        send(new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline", PAGED_AT.minusSeconds(600),
                "https://ci.example.com/builds/1"), new RecentChange("Config applied", null, null, null));

        JsonNode changes = lastBody("page-with-changes").get("recentChanges");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("summary").asString()).isEqualTo("Deployed checkout 2026.12.01-1");
        assertThat(changes.get(0).get("source").asString()).isEqualTo("deploy-pipeline");
        assertThat(changes.get(0).get("at").asString()).isEqualTo("2026-12-01T09:50:00Z");
        assertThat(changes.get(0).get("href").asString()).isEqualTo("https://ci.example.com/builds/1");
        assertThat(changes.get(1).get("summary").asString()).isEqualTo("Config applied");
        assertThat(changes.get(1).get("at").isNull()).isTrue();
    }

    @Test
    void aPageWithoutRecentChangesCarriesAnEmptyList() {
        send();

        assertThat(lastBody("page-without-changes").get("recentChanges").isArray()).isTrue();
        assertThat(lastBody("page-without-changes").get("recentChanges")).isEmpty();
    }

    private static void send(RecentChange... changes) {
        String pageId = changes.length == 0 ? "page-without-changes" : "page-with-changes";
        Page page = new Page(pageId, "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                "http://localhost:8082/incidents/inc-1", new PageTarget("alex", "Alex Rivera", null, "U0ALEX"),
                PAGED_AT, List.of(changes));
        // The body is what is checked here, not the request timeout: a cold receiver on a loaded machine can take
        // longer than a production timeout to answer its first request, which would fail the send, not the body.
        new WebhookChannel(URI.create(RECEIVER.baseUrl() + "/pages"), new WebhookSignature(List.of("whsec-test")),
                Duration.ofSeconds(30), Clock.fixed(PAGED_AT, ZoneOffset.UTC)).send(page, null);
    }

    private static JsonNode lastBody(String pageId) {
        return RECEIVER.findAll(postRequestedFor(urlEqualTo("/pages"))).stream()
                .filter(request -> pageId.equals(request.getHeader("Idempotency-Key")))
                .map(request -> JsonMapper.builder().build().readTree(request.getBodyAsString()))
                .reduce((first, second) -> second).orElseThrow();
    }
}
