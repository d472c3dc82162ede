package io.oncallhq.notification.console;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.DigestFixtures;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ConsoleChannelTest {

    private static final Instant PAGED_AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theLoggedPageListsTheServicesRecentChangesUnderTheIncident(CapturedOutput output) {
        new ConsoleChannel("http://localhost:8082/").send(page(new RecentChange("Deployed checkout 2026.12.01-1",
                "deploy-pipeline", PAGED_AT.minusSeconds(600), "https://ci.example.com/builds/1")), null);

        assertThat(output.getOut()).contains("""
                  incident:  http://localhost:8082/incidents/inc-1
                  recent changes:
                    10 min before: Deployed checkout 2026.12.01-1 (deploy-pipeline) https://ci.example.com/builds/1
                  acknowledge with:
                """);
    }

    @Test
    void aPageWithoutRecentChangesLogsNoneOfThem(CapturedOutput output) {
        new ConsoleChannel("http://localhost:8082").send(page(), null);

        assertThat(output.getOut()).contains("""
                  incident:  http://localhost:8082/incidents/inc-1
                  acknowledge with:
                """).doesNotContain("recent changes");
    }

    @Test
    void aStormsDigestIsOneBlockAndEachRewriteOneLine(CapturedOutput output) {
        ConsoleChannel console = new ConsoleChannel("http://localhost:8082");
        PageDigest digest = DigestFixtures.checkoutStorm(12, Duration.ofSeconds(10));

        console.updateDigest(digest, console.sendDigest(digest, null));

        assertThat(output.getOut()).contains("""
                  [ERROR] 12 incidents on Checkout API in the last 2 min
                  responder: Alex Rivera
                  newest:    #111 Checkout error rate 11
                  open:      http://localhost:8082/incidents?serviceId=checkout-api&status=triggered
                """).contains("Digest digest-1: [ERROR] 12 incidents on Checkout API in the last 2 min");
    }

    private static Page page(RecentChange... changes) {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                "http://localhost:8082/incidents/inc-1", new PageTarget("alex", "Alex Rivera", null, "U0ALEX"),
                PAGED_AT, List.of(changes));
    }
}
