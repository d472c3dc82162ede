package io.oncallhq.postmortem.timeline;

/** The post-mortem's generated timeline has no entry of that event id; answered as 404. */
public class UnknownTimelineEntryException extends RuntimeException {

    public UnknownTimelineEntryException(String postmortemId, String eventId) {
        super("Post-mortem " + postmortemId + " has no timeline entry '" + eventId + "'");
    }
}
