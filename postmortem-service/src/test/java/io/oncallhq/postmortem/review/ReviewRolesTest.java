package io.oncallhq.postmortem.review;

import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may move a post-mortem through review: every step, allowed and forbidden, by role. */
class ReviewRolesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final boolean MEMBER = true;
    private static final boolean OUTSIDER = false;

    @Test
    void theFirstPersonToEditADraftBecomesItsAuthor() {
        Postmortem edited = draft().withSectionText(Template.IMPACT, "2% of checkouts failed", "sam", NOW)
                .withTitle("Checkout latency", "kim", NOW);

        assertThat(draft().roles().author()).isNull();
        assertThat(edited.roles().author()).isEqualTo("sam");
        assertThat(edited.withAuthor("kim", "sam", OUTSIDER, NOW).roles().author()).isEqualTo("kim");
    }

    @Test
    void theAuthorOrAMemberOfTheTeamMaySubmitButNobodyElse() {
        Postmortem authored = authoredBySam();

        assertThat(authored.submitted("sam", OUTSIDER, NOW).status()).isEqualTo(PostmortemStatus.IN_REVIEW);
        assertThat(authored.submitted("alex", MEMBER, NOW).status()).isEqualTo(PostmortemStatus.IN_REVIEW);
        assertThatThrownBy(() -> authored.submitted("kim", OUTSIDER, NOW))
                .isInstanceOf(ForbiddenStepException.class)
                .hasMessage("Only the author (sam) or a member of team payments may submit it for review; kim is neither");
    }

    @Test
    void reviewersAndTheAuthorAreChosenByTheAuthorOrTheTeam() {
        Postmortem authored = authoredBySam();

        assertThat(authored.withReviewers(List.of("rita", "rita", "lee"), "sam", OUTSIDER, NOW).roles().reviewers())
                .containsExactly("rita", "lee");
        assertThat(authored.withReviewers(List.of("rita"), "alex", MEMBER, NOW).roles().reviewers())
                .containsExactly("rita");
        assertThatThrownBy(() -> authored.withReviewers(List.of("kim"), "kim", OUTSIDER, NOW))
                .isInstanceOf(ForbiddenStepException.class).hasMessageContaining("may assign reviewers");
        assertThatThrownBy(() -> authored.withAuthor("kim", "kim", OUTSIDER, NOW))
                .isInstanceOf(ForbiddenStepException.class).hasMessageContaining("may set the author");
    }

    @Test
    void onlyAnAssignedReviewerMayRequestChangesOrPublish() {
        Postmortem inReview = inReviewWithReviewers("rita");

        assertThat(inReview.changesRequested("rita", MEMBER, "Describe the impact", NOW).status())
                .isEqualTo(PostmortemStatus.DRAFT);
        assertThat(inReview.published("rita", MEMBER, List.of(), NOW).status()).isEqualTo(PostmortemStatus.PUBLISHED);
        assertThatThrownBy(() -> inReview.published("alex", MEMBER, List.of(), NOW))
                .isInstanceOf(ForbiddenStepException.class)
                .hasMessage("Only an assigned reviewer (rita) may publish; alex is not one");
        assertThatThrownBy(() -> inReview.changesRequested("alex", MEMBER, null, NOW))
                .isInstanceOf(ForbiddenStepException.class).hasMessageContaining("may request changes");
    }

    @Test
    void theAuthorMayNotApproveTheirOwnPostmortemEvenAsAReviewer() {
        Postmortem inReview = inReviewWithReviewers("sam", "rita");

        assertThatThrownBy(() -> inReview.published("sam", MEMBER, List.of(), NOW))
                .isInstanceOf(ForbiddenStepException.class)
                .hasMessage("sam is the author and may not publish their own post-mortem; another assigned reviewer must");
        assertThatThrownBy(() -> inReview.changesRequested("sam", MEMBER, null, NOW)).isInstanceOf(ForbiddenStepException.class);
        assertThat(inReview.published("rita", MEMBER, List.of(), NOW).status()).isEqualTo(PostmortemStatus.PUBLISHED);
    }

    @Test
    void anAssignedReviewerFromOutsideTheTeamMayNeitherPublishNorRequestChanges() {
        Postmortem inReview = inReviewWithReviewers("lee");

        assertThatThrownBy(() -> inReview.published("lee", OUTSIDER, List.of(), NOW))
                .isInstanceOf(ForbiddenStepException.class)
                .hasMessage("lee is an assigned reviewer but not a member of team payments, so may not publish; "
                        + "reviewers come from the incident's team");
        assertThatThrownBy(() -> inReview.changesRequested("lee", OUTSIDER, null, NOW))
                .isInstanceOf(ForbiddenStepException.class);
    }

    @Test
    void withoutAssignedReviewersNobodyMayPublish() {
        Postmortem inReview = authoredBySam().submitted("sam", OUTSIDER, NOW);

        assertThatThrownBy(() -> inReview.published("rita", MEMBER, List.of(), NOW))
                .isInstanceOf(ForbiddenStepException.class).hasMessageStartingWith("No reviewers are assigned");
    }

    @Test
    void aRoleDoesNotMakeAStepLegalInTheWrongState() {
        Postmortem draft = authoredBySam().withReviewers(List.of("rita"), "sam", OUTSIDER, NOW);

        assertThatThrownBy(() -> draft.published("rita", MEMBER, List.of(), NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.submitted("sam", OUTSIDER, NOW).submitted("sam", OUTSIDER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    private static Postmortem inReviewWithReviewers(String... reviewers) {
        return authoredBySam().withReviewers(List.of(reviewers), "sam", OUTSIDER, NOW).submitted("sam", OUTSIDER, NOW);
    }

    private static Postmortem authoredBySam() {
        return draft().withSectionText(Template.IMPACT, "2% of checkouts failed", "sam", NOW);
    }

    private static Postmortem draft() {
        return Postmortem.draft("pm-1", "inc-1", resolvedCheckoutFacts("inc-1"), Template.builtIn().high(),
                NOW.minusSeconds(3600));
    }
}
