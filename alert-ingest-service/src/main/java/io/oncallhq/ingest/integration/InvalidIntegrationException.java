package io.oncallhq.ingest.integration;

import io.oncallhq.ingest.intake.FieldViolation;

import java.util.List;

/** An admin request breaks the rules; lists every field at fault. */
public class InvalidIntegrationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidIntegrationException(List<FieldViolation> violations) {
        super(violations.size() + " field(s) are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
