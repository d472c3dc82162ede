package io.oncallhq.notification.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.oncallhq.notification.paging.DigestFixtures.checkoutStorm;
import static org.assertj.core.api.Assertions.assertThat;

class DigestMessageTest {

    private final List<LayoutBlock> twelveIncidents = DigestMessage.blocks(checkoutStorm(12, Duration.ofSeconds(10)));

    @Test
    void itLeadsWithHowManyIncidentsOfWhichServiceInHowLong() {
        assertThat(((HeaderBlock) twelveIncidents.getFirst()).getText().getText())
                .isEqualTo("[ERROR] 12 incidents on Checkout API in the last 2 min");
    }

    @Test
    void itListsTheNewestFiveWithNumberTitleLinkAndSeverity() {
        String listed = ((SectionBlock) twelveIncidents.get(1)).getText().getText();

        assertThat(listed.lines()).hasSize(DigestMessage.LISTED).first().isEqualTo(
                "• <http://localhost:8082/incidents/inc-111|#111 Checkout error rate 11> (error)");
        assertThat(((MarkdownTextObject) ((ContextBlock) twelveIncidents.get(2)).getElements().getFirst()).getText())
                .startsWith("… and 7 more");
    }

    @Test
    void itOffersToAcknowledgeAllItsIncidentsAndToOpenTheServicesOpenIncidents() {
        List<ButtonElement> buttons = ((ActionsBlock) twelveIncidents.getLast()).getElements().stream()
                .map(ButtonElement.class::cast).toList();

        assertThat(buttons).extracting(button -> button.getText().getText()).containsExactly("Acknowledge all", "Open");
        assertThat(buttons.getFirst().getActionId()).isEqualTo("digest_acknowledge_all");
        assertThat(buttons.getFirst().getValue()).isEqualTo("digest-1");
        assertThat(buttons.getLast().getUrl())
                .isEqualTo("http://localhost:8082/incidents?serviceId=checkout-api&status=triggered");
    }

    @Test
    void aFewIncidentsAreAllListedWithNothingMore() {
        List<LayoutBlock> blocks = DigestMessage.blocks(checkoutStorm(3, Duration.ofSeconds(1)));

        assertThat(blocks).noneMatch(ContextBlock.class::isInstance);
        assertThat(((SectionBlock) blocks.get(1)).getText().getText().lines()).hasSize(3);
    }

    @Test
    void theNotificationTextCarriesTheHeadlineAndTheNewest() {
        assertThat(DigestMessage.text(checkoutStorm(2, Duration.ofSeconds(1)))).isEqualTo(
                "[ERROR] 2 incidents on Checkout API in the last minute: #101 Checkout error rate 1, "
                        + "#100 Checkout error rate 0 http://localhost:8082/incidents?serviceId=checkout-api"
                        + "&status=triggered");
    }
}
