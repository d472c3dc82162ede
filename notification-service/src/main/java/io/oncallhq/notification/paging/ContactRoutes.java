package io.oncallhq.notification.paging;

import java.util.List;

/**
 * The channels to try for one page, in order: the responder's contact rules, or without rules Slack and then the
 * configured fallback webhook.
 *
 * @param refusalMovesOn whether a channel's refusal (an unknown user, a rejected address) also moves on to the next
 *                       step; without rules only unavailability does, as before rules existed
 */
public record ContactRoutes(List<Step> steps, boolean refusalMovesOn) {

    /** @param address where the rule says to reach the responder; null for the channel's default */
    public record Step(String channel, String address) {
    }
}
