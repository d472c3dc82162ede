package io.oncallhq.postmortem.timeline;

/** A mitigation that cannot be: before the problem began, or with neither or both of a time and an entry. */
public class InvalidMitigationException extends RuntimeException {

    private final String field;

    public InvalidMitigationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
