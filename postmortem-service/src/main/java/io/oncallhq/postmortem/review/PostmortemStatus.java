package io.oncallhq.postmortem.review;

import java.util.Locale;

/** Where a post-mortem is in its review: draft → in_review → published, and back to draft on requested changes. */
public enum PostmortemStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED;

    /** As the API spells it: {@code draft}, {@code in_review}, {@code published}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
