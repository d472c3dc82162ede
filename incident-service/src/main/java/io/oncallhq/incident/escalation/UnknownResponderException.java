package io.oncallhq.incident.escalation;

import io.oncallhq.incident.config.InvalidRequestException;

import java.util.List;

/** A reassignment names a responder the on-call model does not know (400 over REST, ignored from Kafka). */
public class UnknownResponderException extends InvalidRequestException {

    public UnknownResponderException(String responderId) {
        super(List.of(new FieldProblem("responderId", "no responder " + responderId)));
    }
}
