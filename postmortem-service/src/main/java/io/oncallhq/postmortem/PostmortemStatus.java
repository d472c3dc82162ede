package io.oncallhq.postmortem;

/** Where a post-mortem is in its life. Drafts are generated; review and publishing come later. */
public enum PostmortemStatus {
    DRAFT
}
