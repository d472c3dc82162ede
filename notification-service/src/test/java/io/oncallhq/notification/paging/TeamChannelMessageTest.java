package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TeamChannelMessageTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:20:00Z");
    private static final IncidentChange ACKNOWLEDGED =
            new IncidentChange(IncidentChange.Kind.ACKNOWLEDGED, "Alex Rivera", AT, null);

    @Test
    void aLaterPageOfTheIncidentIsListedOnceAndMakesThePostedMessageBehind() {
        TeamChannelMessage message = TeamChannelMessage.first(page("page-1", "Alex Rivera", 1), "C0PAY");
        message.posted(new SentPage("C0PAY", "1.1"), 1, 0);

        assertThat(message.add(page("page-2", "Kim Park", 2))).isTrue();
        assertThat(message.add(page("page-2", "Kim Park", 2))).isFalse();

        assertThat(message.paged()).extracting(Paged::name, Paged::level)
                .containsExactly(tuple("Alex Rivera", 1),
                        tuple("Kim Park", 2));
        assertThat(message.behind()).isTrue();
    }

    @Test
    void onlyTheIncidentsFirstPagePostsTheMessage() {
        TeamChannelMessage message = TeamChannelMessage.first(page("page-1", "Alex Rivera", 1), "C0PAY");

        assertThat(message.postedBy(page("page-1", "Alex Rivera", 1))).isTrue();
        assertThat(message.postedBy(page("page-2", "Kim Park", 2))).isFalse();
    }

    @Test
    void anIncidentEventTakenInAfterThePostIsShownByTheRewriteItCauses() {
        TeamChannelMessage message = TeamChannelMessage.first(page("page-1", "Alex Rivera", 1), "C0PAY");
        message.posted(new SentPage("C0PAY", "1.1"), 1, 0);

        message.show(ACKNOWLEDGED);

        assertThat(message.eventsTaken()).isEqualTo(1);
        assertThat(message.state().status()).isEqualTo(PageState.Status.ACKNOWLEDGED);
        assertThat(message.behind()).isFalse();
    }

    @Test
    void anEventTakenInWhileTheMessageWasBeingPostedMakesItBehind() {
        TeamChannelMessage message = TeamChannelMessage.first(page("page-1", "Alex Rivera", 1), "C0PAY");
        message.show(ACKNOWLEDGED);

        message.posted(new SentPage("C0PAY", "1.1"), 1, 0);

        assertThat(message.behind()).isTrue();
    }

    @Test
    void theFirstPageAfterALevelThatPagedNobodyPostsTheMessage() {
        TeamChannelMessage message = TeamChannelMessage.awaitingPage("inc-1", "C0PAY");

        message.toldUnroutable();
        assertThat(message.add(page("page-2", "Kim Park", 2))).isTrue();

        assertThat(message.postedBy(page("page-2", "Kim Park", 2))).isTrue();
        assertThat(message.firstPage().pageId()).isEqualTo("page-2");
    }

    @Test
    void tellingThatALevelPagedNobodyLeavesThePostedMessageAsItIs() {
        TeamChannelMessage message = TeamChannelMessage.first(page("page-1", "Alex Rivera", 1), "C0PAY");
        message.posted(new SentPage("C0PAY", "1.1"), 1, 0);

        message.toldUnroutable();

        assertThat(message.behind()).isFalse();
    }

    private static Page page(String pageId, String name, int level) {
        return new Page(pageId, "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", level, null,
                new PageTarget(name.toLowerCase(), name, null, "U" + level), null,
                List.of());
    }
}
