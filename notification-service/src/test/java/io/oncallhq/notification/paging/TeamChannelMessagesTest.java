package io.oncallhq.notification.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeamChannelMessagesTest {

    @Test
    void aMessageStoredBeforeEventsWereCountedCountsTheIdsItKept() {
        TeamChannelMessages.Stored before = new TeamChannelMessages.Stored("inc-1", "C0PAY", null, List.of(),
                new SentPage("C0PAY", "1.1"), 0, 2, PageState.OPEN, null, null, null, List.of("event-1", "event-2"),
                3L);

        TeamChannelMessage message = before.toAggregate();

        assertThat(message.eventsTaken()).isEqualTo(2);
        assertThat(message.behind()).as("it shows both events already").isFalse();
    }
}
