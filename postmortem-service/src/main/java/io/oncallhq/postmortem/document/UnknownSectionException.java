package io.oncallhq.postmortem.document;

/** The post-mortem has no section of that key; answered as 404. */
public class UnknownSectionException extends RuntimeException {

    public UnknownSectionException(String postmortemId, String key) {
        super("Post-mortem " + postmortemId + " has no section '" + key + "'");
    }
}
