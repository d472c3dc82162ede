package io.oncallhq.postmortem.export;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.postmortem.ProjectedIncident;
import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItemPriority;
import io.oncallhq.postmortem.actionitems.ActionItemStatus;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.template.Template;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.oncallhq.postmortem.RecordedChange.deployed;
import static io.oncallhq.postmortem.RecordedIncident.STARTED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown export against a reviewed snapshot ({@code src/test/resources/snapshots}). On a difference the
 * actual document is written to {@code target/snapshots} to compare and, if it is right, to copy over.
 */
class MarkdownExportTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void aReviewedPostmortemExportsAsTheSnapshot() throws IOException {
        IncidentFacts facts = resolvedCheckout("inc-1").facts(List.of(deployed("ch-1", "checkout-api",
                "2026.11.20-1", STARTED_AT.minus(Duration.ofMinutes(10))).stored()));
        Postmortem postmortem = Postmortem.draft("pm-1", "inc-1", facts, Template.builtIn().high(), NOW)
                .withSectionText(Template.IMPACT, "About 2% of checkouts took longer than 5 s.\nNo payment was lost.",
                        "sam", NOW)
                .withSectionText(Template.ROOT_CAUSE, "The connection pool | sized for last year's peak.", "sam", NOW)
                .withMitigation("inc-1-e6", null, "alex", NOW)
                .withReviewers(List.of("rita"), "sam", false, NOW)
                .submitted("sam", false, NOW);
        List<ActionItem> items = List.of(
                item("ai-1", "Size the pool from the load forecast", ActionItemStatus.OPEN,
                        "https://issues.example.com/PAY-12"),
                item("ai-2", "Alert on pool saturation", ActionItemStatus.DONE, null));

        String markdown = MarkdownExport.render(postmortem, items, "http://incidents.test/incidents/inc-1");

        assertThat(markdown).isEqualTo(snapshot("checkout-postmortem.md", markdown));
    }

    @Test
    void anIncidentOfManyAlertsListsTheFirstFiftyAndSaysHowManyMore() {
        ProjectedIncident incident = resolvedCheckout("inc-1");
        for (int i = 1; i <= 1_200; i++) {
            incident.record("inc-1-alert-" + i, new AlertAttached("inc-1", "am:" + i, "alertmanager",
                    "Checkout latency above 2s on pod " + i, Severity.CRITICAL, null, List.of(),
                    STARTED_AT.plusSeconds(i), STARTED_AT.plusSeconds(i)));
        }
        Postmortem postmortem = Postmortem.draft("pm-1", "inc-1", incident.facts(), Template.builtIn().high(), NOW);

        String markdown = MarkdownExport.render(postmortem, List.of(), "http://incidents.test/incidents/inc-1");

        String alerts = markdown.substring(markdown.indexOf("## Alerts"), markdown.indexOf("## Timeline"));
        assertThat(alerts.lines().filter(line -> line.startsWith("- Checkout latency"))).hasSize(50);
        assertThat(alerts).contains("- Checkout latency above 2s on pod 49\n")
                .doesNotContain("on pod 50\n").endsWith("- _and 1,151 more alerts_\n\n");
        assertThat(markdown).contains("| 2026-11-20 09:58 UTC | 1,201 alerts attached between 09:58 and 10:18 UTC |")
                .doesNotContain("Alert attached");
    }

    private static ActionItem item(String id, String title, ActionItemStatus status, String issueUrl) {
        return new ActionItem(id, "pm-1", "inc-1", "payments", title, "alex", LocalDate.parse("2026-12-01"),
                ActionItemPriority.HIGH, status, issueUrl, null, NOW, NOW);
    }

    private static String snapshot(String name, String actual) throws IOException {
        Path written = Path.of("target", "snapshots", name);
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        try (InputStream expected = MarkdownExportTest.class.getResourceAsStream("/snapshots/" + name)) {
            return expected == null ? "(no snapshot " + name + " yet)" : new String(expected.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
