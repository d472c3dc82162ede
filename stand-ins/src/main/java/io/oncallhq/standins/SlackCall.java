package io.oncallhq.standins;

import java.time.Instant;
import java.util.Map;

/**
 * One call of a Slack Web API method as {@link SlackStandIn} received it.
 *
 * @param form        its form fields, decoded (the Slack SDK posts every method as a form)
 * @param at          when it arrived, to the millisecond
 * @param traceparent its W3C {@code traceparent} header; null without one
 */
public record SlackCall(Map<String, String> form, Instant at, String traceparent) {

    /** The form field, or {@code ""} when the call has none. */
    public String field(String name) {
        return form.getOrDefault(name, "");
    }
}
