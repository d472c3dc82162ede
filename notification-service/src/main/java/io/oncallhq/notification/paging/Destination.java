package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.ContactMethod;

/**
 * A responder on one channel: where pages wait in line and go out one at a time, at the channel's pace.
 *
 * @param route   the contact route's channel ({@code slack}, {@code webhook}, {@code email})
 * @param address the responder there: the route's address, else their Slack user id or e-mail, else their responder
 *                id (the channel's default address for them)
 */
record Destination(String route, String address) {

    /** Where the route step reaches the page's responder. */
    static Destination of(ContactRoutes.Step step, Page page) {
        if (step.address() != null && !step.address().isBlank()) {
            return new Destination(step.channel(), step.address());
        }
        var responder = page.responder();
        String address = responder == null ? null : switch (String.valueOf(step.channel())) {
            case ContactMethod.SLACK -> responder.slackUserId();
            case ContactMethod.EMAIL -> responder.email();
            default -> null;
        };
        if (address == null && responder != null) {
            address = "responder/" + responder.responderId();
        }
        return new Destination(step.channel(), address == null ? "nobody" : address);
    }

    /** {@code slack:U0ALEX}: how deliveries store it. */
    String key() {
        return route + ":" + address;
    }

    static Destination ofKey(String key) {
        int colon = key.indexOf(':');
        return new Destination(key.substring(0, colon), key.substring(colon + 1));
    }
}
