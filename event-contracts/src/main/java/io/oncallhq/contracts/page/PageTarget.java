package io.oncallhq.contracts.page;

import java.util.List;

/**
 * The responder to page and how to reach them. Contact fields may be null when unknown.
 *
 * @param contactRules the responder's ways to be reached, first choice first; the channels after the first are
 *                     the fallbacks when it fails. Null or empty in events written before it existed: then Slack
 *                     (when {@code slackUserId} is set) and the configured fallbacks.
 */
public record PageTarget(String responderId, String name, String email, String slackUserId,
                         List<ContactMethod> contactRules) {

    public PageTarget {
        contactRules = contactRules == null ? List.of() : List.copyOf(contactRules);
    }

    public PageTarget(String responderId, String name, String email, String slackUserId) {
        this(responderId, name, email, slackUserId, List.of());
    }
}
