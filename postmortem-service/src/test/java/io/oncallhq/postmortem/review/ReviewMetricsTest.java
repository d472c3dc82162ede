package io.oncallhq.postmortem.review;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItemStatus;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutFacts;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewMetricsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    /** The checkout incident was resolved at 10:28 on 2026-11-20. */
    private static final Instant RESOLVED_AT = Instant.parse("2026-11-20T10:28:00Z");

    @Test
    void measuresFromResolutionToFirstPublicationAndCountsOpenAndOverdueItems() {
        Postmortem publishedAfterAnHour = publishedAt("pm-1", RESOLVED_AT.plusSeconds(3600));
        Postmortem publishedAfterThreeHours = publishedAt("pm-2", RESOLVED_AT.plusSeconds(3 * 3600));
        Postmortem stillDraft = draft("pm-3");
        List<ActionItem> items = List.of(
                item("ai-1", ActionItemStatus.OPEN, TODAY.minusDays(1)),
                item("ai-2", ActionItemStatus.OPEN, TODAY),
                item("ai-3", ActionItemStatus.DONE, TODAY.minusDays(9)));

        List<ReviewMetrics> metrics = ReviewMetrics.perTeam(
                List.of(publishedAfterAnHour, publishedAfterThreeHours, stillDraft), items, TODAY);

        assertThat(metrics).containsExactly(new ReviewMetrics("payments", 3, 2, 7200L, 7200L, 2, 1));
    }

    @Test
    void aTeamWithoutPublicationsHasNoReviewTime() {
        assertThat(ReviewMetrics.perTeam(List.of(draft("pm-1")), List.of(), TODAY))
                .containsExactly(new ReviewMetrics("payments", 1, 0, null, null, 0, 0));
    }

    private static Postmortem draft(String id) {
        return Postmortem.draft(id, "inc-" + id, resolvedCheckoutFacts("inc-" + id), Template.builtIn().high(),
                RESOLVED_AT.plusSeconds(1));
    }

    private static Postmortem publishedAt(String id, Instant at) {
        return draft(id).withReviewers(List.of("rita"), "sam", true, at.minusSeconds(90))
                .submitted("sam", true, at.minusSeconds(60)).published("rita", true, List.of(), at);
    }

    private static ActionItem item(String id, ActionItemStatus status, LocalDate due) {
        return new ActionItem(id, "pm-1", "inc-pm-1", "payments", "Follow up", "alex", due, null, status, null, null,
                RESOLVED_AT, RESOLVED_AT);
    }
}
