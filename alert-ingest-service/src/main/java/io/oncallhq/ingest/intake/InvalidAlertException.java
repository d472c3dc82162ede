package io.oncallhq.ingest.intake;

import java.util.List;

/** The payload is well-formed JSON but breaks the format's rules; lists every field at fault. */
public class InvalidAlertException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidAlertException(List<FieldViolation> violations) {
        super(violations.size() + " field(s) are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
