package io.oncallhq.postmortem.review;

import java.util.List;

/**
 * Who may move a post-mortem through review. The author (whoever made the first human edit, or whom someone set
 * as author) or any member of the incident's team may submit it and assign its author and reviewers; only an
 * assigned reviewer who is not the author and is a member of the incident's team may request changes or publish, so
 * nobody approves their own writing and reviewers come only from the team.
 *
 * @param author    null until the first human edit or until someone is set as author
 * @param reviewers the responder ids assigned to review it
 */
public record ReviewRoles(String author, List<String> reviewers) {

    public ReviewRoles {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    public static ReviewRoles none() {
        return new ReviewRoles(null, List.of());
    }

    public boolean isAuthor(String who) {
        return who != null && who.equals(author);
    }

    public ReviewRoles withFirstEditor(String editor) {
        return author == null && editor != null ? new ReviewRoles(editor, reviewers) : this;
    }

    public ReviewRoles withAuthor(String newAuthor) {
        return new ReviewRoles(newAuthor, reviewers);
    }

    public ReviewRoles withReviewers(List<String> newReviewers) {
        return new ReviewRoles(author, newReviewers.stream().distinct().toList());
    }

    /** Submitting, and choosing author and reviewers, is for the author and the incident's team. */
    public void requireAuthorOrTeamMember(String who, boolean teamMember, String teamId, String action) {
        if (!isAuthor(who) && !teamMember) {
            throw new ForbiddenStepException("Only the author" + (author == null ? "" : " (" + author + ")")
                    + " or a member of team " + teamId + " may " + action + "; " + who + " is neither");
        }
    }

    public void requireReviewerFromTeamOtherThanAuthor(String who, boolean teamMember, String teamId, String action) {
        if (reviewers.isEmpty()) {
            throw new ForbiddenStepException("No reviewers are assigned, so nobody may " + action
                    + " yet; assign them with PUT /postmortems/{id}/reviewers");
        }
        if (!reviewers.contains(who)) {
            throw new ForbiddenStepException("Only an assigned reviewer (" + String.join(", ", reviewers)
                    + ") may " + action + "; " + who + " is not one");
        }
        if (isAuthor(who)) {
            throw new ForbiddenStepException(who + " is the author and may not " + action
                    + " their own post-mortem; another assigned reviewer must");
        }
        if (!teamMember) {
            throw new ForbiddenStepException(who + " is an assigned reviewer but not a member of team " + teamId
                    + ", so may not " + action + "; reviewers come from the incident's team");
        }
    }
}
