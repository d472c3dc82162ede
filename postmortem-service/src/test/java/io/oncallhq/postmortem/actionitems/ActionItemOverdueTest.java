package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionItemOverdueTest {

    private static final LocalDate DUE = LocalDate.parse("2026-11-20");
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final String URL = "http://postmortems.test/postmortems/pm-1";

    @Test
    void anOpenItemPastItsDueDateIsAnnouncedOnce() {
        ActionItem item = openItemDue(DUE);

        ActionItemOverdue overdue = item.overdueAnnouncement(DUE.plusDays(1), URL, NOW).orElseThrow();
        ActionItem announced = item.announcedOverdue();

        assertThat(overdue.actionItemId()).isEqualTo("ai-1");
        assertThat(overdue.dueDate()).isEqualTo(DUE);
        assertThat(overdue.ownerId()).isEqualTo("alex");
        assertThat(announced.overdueAnnouncedFor()).isEqualTo(DUE);
        assertThat(announced.overdueAnnouncement(DUE.plusDays(2), URL, NOW)).isEmpty();
    }

    @Test
    void anItemIsNotOverdueOnItsDueDate() {
        assertThat(openItemDue(DUE).overdueAnnouncement(DUE, URL, NOW)).isEmpty();
    }

    @Test
    void aNewDueDateIsAnnouncedAgainOnceItPasses() {
        ActionItem moved = openItemDue(DUE).announcedOverdue()
                .withChanges("Resize the pool", "alex", DUE.plusDays(7), null, ActionItemStatus.OPEN, null, NOW);

        assertThat(moved.overdueAnnouncement(DUE.plusDays(7), URL, NOW)).isEmpty();
        assertThat(moved.overdueAnnouncement(DUE.plusDays(8), URL, NOW)).isPresent();
    }

    @Test
    void doneAndDroppedItemsAreNeverOverdue() {
        for (ActionItemStatus closed : List.of(ActionItemStatus.DONE, ActionItemStatus.WONT_DO)) {
            ActionItem item = openItemDue(DUE).withChanges("Resize the pool", "alex", DUE, null, closed, null, NOW);
            assertThat(item.overdueAnnouncement(DUE.plusDays(30), URL, NOW)).isEmpty();
        }
    }

    private static ActionItem openItemDue(LocalDate due) {
        return new ActionItem("ai-1", "pm-1", "inc-1", "payments", "Resize the pool", "alex", due, null, null, null,
                null, NOW, NOW);
    }
}
