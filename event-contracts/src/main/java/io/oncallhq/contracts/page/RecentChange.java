package io.oncallhq.contracts.page;

import java.time.Instant;

/**
 * A change to the paged incident's service shortly before the page (a deploy, a configuration applied), shown to
 * the responder because "what changed?" is the first question.
 *
 * @param source where the change was made, as its sender named it; null when not given
 * @param href   a link to the change (the build, the pull request); null when it has none
 */
public record RecentChange(String summary, String source, Instant at, String href) {
}
