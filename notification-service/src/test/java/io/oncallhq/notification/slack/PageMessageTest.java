package io.oncallhq.notification.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.Paged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageMessageTest {

    private static final Instant PAGED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-11-22T10:20:00Z");

    @Test
    void aLevelThatPagedNobodySaysWhyWithALinkToTheIncident() {
        PageUnroutable nobody = new PageUnroutable("inc-1", 42, "checkout-api", "Checkout <API>",
                "Checkout latency high", Severity.CRITICAL, 2, PageUnroutable.NO_CONTACT,
                "Kim Park has no way to be reached", null, null, null, null, "C0PAY",
                "http://localhost:8082/incidents/inc-1", PAGED_AT);

        assertThat(PageMessage.unroutable(nobody)).isEqualTo(":warning: Nobody could be paged at level 2 for "
                + "[CRITICAL] #42 Checkout latency high (Checkout &lt;API&gt;): Kim Park has no way to be reached. "
                + "<http://localhost:8082/incidents/inc-1|Open the incident>");
    }

    @Test
    void anOpenPageLeadsWithSeverityNumberAndTitle() {
        HeaderBlock header = (HeaderBlock) PageMessage.blocks(checkoutLatencyPage(), PageState.OPEN).getFirst();

        assertThat(header.getText().getText()).isEqualTo("[CRITICAL] #42 Checkout latency high");
    }

    @Test
    void anOpenPageShowsServiceLevelAndALinkToTheIncident() {
        SectionBlock section = (SectionBlock) PageMessage.blocks(checkoutLatencyPage(), PageState.OPEN).get(1);

        assertThat(section.getText().getText())
                .contains("Checkout API")
                .contains("*Escalation level:* 1")
                .contains("<http://localhost:8082/incidents/inc-1|View incident #42>");
    }

    @Test
    void aResponderSeesWhyTheyWerePagedInOneContextLineUnderTheDetails() {
        List<LayoutBlock> blocks = PageMessage.blocks(pagedBecause("override in Payments primary from 02:00 to 06:00 UTC,"
                + " standing in for Alex <Rivera>"), PageState.OPEN);

        assertThat(blocks.get(2)).isInstanceOfSatisfying(ContextBlock.class, context ->
                assertThat(((MarkdownTextObject) context.getElements().getFirst()).getText()).isEqualTo(
                        ":mag: Why you: override in Payments primary from 02:00 to 06:00 UTC, standing in for"
                                + " Alex &lt;Rivera&gt;"));
    }

    @Test
    void aPageThatDoesNotSayWhyAndTheTeamChannelsMessageHaveNoWhyLine() {
        Page page = pagedBecause("on call in Payments primary, layer Weekly, Dec 7 09:00 – Dec 14 09:00 UTC");

        assertThat(contextTexts(PageMessage.blocks(checkoutLatencyPage(), PageState.OPEN)))
                .noneMatch(text -> text.contains("Why you"));
        assertThat(contextTexts(PageMessage.blocks(page, List.of(new Paged("page-1", "Alex Rivera", 1)),
                PageState.OPEN))).noneMatch(text -> text.contains("Why you"));
    }

    @Test
    void anOpenPageOffersAcknowledgeEscalateAndResolveCarryingTheIncidentId() {
        List<ButtonElement> buttons = buttonsOf(PageMessage.blocks(checkoutLatencyPage(), PageState.OPEN));

        assertThat(buttons).extracting(ButtonElement::getActionId)
                .containsExactly("incident_acknowledge", "incident_escalate", "incident_resolve");
        assertThat(buttons).extracting(ButtonElement::getValue).containsOnly("inc-1");
        assertThat(buttons).extracting(ButtonElement::getStyle).containsExactly("primary", null, "danger");
        assertThat(buttons).extracting(button -> button.getText().getText())
                .containsExactly("Acknowledge", "Escalate", "Resolve");
    }

    @Test
    void anAcknowledgedPageNamesWhoAndOffersEscalateAndResolve() {
        List<LayoutBlock> blocks = PageMessage.blocks(checkoutLatencyPage(),
                PageState.acknowledged("Alex Rivera", ACKNOWLEDGED_AT));

        assertThat(statusLineOf(blocks)).contains("Acknowledged by Alex Rivera at ").contains("2026-11-22 10:20 UTC");
        assertThat(buttonsOf(blocks)).extracting(ButtonElement::getActionId)
                .containsExactly("incident_escalate", "incident_resolve");
    }

    @Test
    void aResolvedPageHasNoButtonsLeft() {
        List<LayoutBlock> blocks = PageMessage.blocks(checkoutLatencyPage(), PageState.resolved("Alex Rivera", ACKNOWLEDGED_AT));

        assertThat(statusLineOf(blocks)).contains("Resolved by Alex Rivera");
        assertThat(blocks).noneMatch(ActionsBlock.class::isInstance);
    }

    @Test
    void theFallbackTextCarriesTheHeadlineAndTheState() {
        assertThat(PageMessage.text(checkoutLatencyPage(), PageState.OPEN))
                .startsWith("[CRITICAL] #42 Checkout latency high (Checkout API)")
                .contains("level 1")
                .endsWith("http://localhost:8082/incidents/inc-1");
        assertThat(PageMessage.text(checkoutLatencyPage(), PageState.acknowledged("Alex Rivera", ACKNOWLEDGED_AT)))
                .contains("acknowledged by Alex Rivera");
    }

    @Test
    void markupInNamesIsEscaped() {
        Page page = new Page("page-1", "inc-1", 42, "x", Severity.ERROR, "checkout-api", "<!channel> & co", 1, null,
                new PageTarget("alex", "Alex", null, "U1"), PAGED_AT, List.of());

        SectionBlock section = (SectionBlock) PageMessage.blocks(page, PageState.OPEN).get(1);

        assertThat(section.getText().getText()).contains("&lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
    }

    @Test
    void recentChangesAreListedUnderTheDetailsWithTimeBeforeThePageLinkAndSource() {
        List<LayoutBlock> blocks = PageMessage.blocks(checkoutLatencyPageAfter(deploy()), PageState.OPEN);

        assertThat(blocks.get(1)).isInstanceOf(SectionBlock.class);
        assertThat(sectionTexts(blocks).get(1)).isEqualTo("*Recent changes*\n• 10 min before: "
                + "<https://ci.example.com/builds/1|Deployed checkout 2026.12.01-1> (deploy-pipeline)");
    }

    @Test
    void aPageWithoutRecentChangesHasNoChangesSection() {
        assertThat(sectionTexts(PageMessage.blocks(checkoutLatencyPage(), PageState.OPEN)))
                .noneMatch(text -> text.contains("Recent changes"));
    }

    @Test
    void theTeamChannelMessageAndTheAcknowledgedPageKeepTheRecentChanges() {
        Page page = checkoutLatencyPageAfter(deploy());

        assertThat(sectionTexts(PageMessage.blocks(page, List.of(new Paged("page-1", "Alex Rivera", 1)), PageState.OPEN)))
                .anyMatch(text -> text.contains("Deployed checkout 2026.12.01-1"));
        assertThat(sectionTexts(PageMessage.blocks(page, PageState.acknowledged("Alex Rivera", ACKNOWLEDGED_AT))))
                .anyMatch(text -> text.contains("Deployed checkout 2026.12.01-1"));
    }

    @Test
    void markupInAChangeIsEscapedAndItsLinkCannotBeBrokenOutOf() {
        RecentChange change = new RecentChange("<!here> a<b & c>d", "ci <bot>", PAGED_AT.minusSeconds(7200),
                "https://ci.example.com/x?a=1&b=2|<!channel>");

        String changes = sectionTexts(PageMessage.blocks(checkoutLatencyPageAfter(change), PageState.OPEN)).get(1);

        assertThat(changes).contains("2 h before: "
                + "<https://ci.example.com/x?a=1&amp;b=2%7C&lt;!channel&gt;|&lt;!here&gt; a&lt;b &amp; c&gt;d>"
                + " (ci &lt;bot&gt;)");
        assertThat(changes).doesNotContain("<!here>", "<!channel>", "<bot>");
    }

    @Test
    void aChangeLinkThatIsNotHttpIsLeftOut() {
        RecentChange change = new RecentChange("Flag flipped", null, PAGED_AT.minusSeconds(30), "javascript:alert(1)");

        assertThat(sectionTexts(PageMessage.blocks(checkoutLatencyPageAfter(change), PageState.OPEN)).get(1))
                .endsWith("• under a minute before: Flag flipped");
    }

    @Test
    void aVeryLongSummaryIsCutAndManyChangesStayWithinSlacksLimits() {
        String longSummary = "&".repeat(5000);
        RecentChange[] changes = new RecentChange[60];
        Arrays.fill(changes, new RecentChange(longSummary, "deploy-pipeline", PAGED_AT.minusSeconds(600),
                "https://ci.example.com/builds/" + "1".repeat(900)));

        List<LayoutBlock> blocks = PageMessage.blocks(checkoutLatencyPageAfter(changes), PageState.OPEN);

        String section = sectionTexts(blocks).get(1);
        assertThat(section.length()).isLessThanOrEqualTo(3000);
        assertThat(section).contains("&amp;".repeat(199) + "…>").endsWith(" more");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
    }

    private static Page checkoutLatencyPage() {
        return checkoutLatencyPageAfter();
    }

    private static Page checkoutLatencyPageAfter(RecentChange... changes) {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                "http://localhost:8082/incidents/inc-1", new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"),
                PAGED_AT, List.of(changes));
    }

    private static Page pagedBecause(String whyPaged) {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1, "http://localhost:8082/incidents/inc-1",
                new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"), PAGED_AT, List.of(), whyPaged);
    }

    private static List<String> contextTexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ContextBlock.class::isInstance).map(ContextBlock.class::cast)
                .map(context -> ((MarkdownTextObject) context.getElements().getFirst()).getText()).toList();
    }

    private static RecentChange deploy() {
        return new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline", PAGED_AT.minusSeconds(600),
                "https://ci.example.com/builds/1");
    }

    private static List<String> sectionTexts(List<LayoutBlock> blocks) {
        return blocks.stream().filter(SectionBlock.class::isInstance).map(SectionBlock.class::cast)
                .map(section -> section.getText().getText()).toList();
    }

    private static List<ButtonElement> buttonsOf(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(actions -> actions.getElements().stream()).map(ButtonElement.class::cast).toList();
    }

    private static String statusLineOf(List<LayoutBlock> blocks) {
        ContextBlock context = blocks.stream().filter(ContextBlock.class::isInstance).map(ContextBlock.class::cast)
                .findFirst().orElseThrow();
        return ((MarkdownTextObject) context.getElements().getFirst()).getText();
    }
}
