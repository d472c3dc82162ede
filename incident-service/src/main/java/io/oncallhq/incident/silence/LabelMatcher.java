package io.oncallhq.incident.silence;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One condition on an alert's labels. A regex must match the whole value (as in Alertmanager); a label the alert
 * lacks counts as the empty string, so {@code env != prod} matches an alert without {@code env}.
 */
public record LabelMatcher(String label, Operator operator, String value) {

    /** Longest regex accepted: bounds the work one match can cost. */
    public static final int MAX_REGEX_LENGTH = 200;

    public enum Operator {
        @JsonProperty("equal") EQUAL,
        @JsonProperty("not-equal") NOT_EQUAL,
        @JsonProperty("regex") REGEX
    }

    boolean matches(Map<String, String> labels) {
        String actual = labels == null ? "" : labels.getOrDefault(label, "");
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> Pattern.compile(value).matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        String symbol = switch (operator) {
            case EQUAL -> "=";
            case NOT_EQUAL -> "!=";
            case REGEX -> "=~";
        };
        return label + symbol + value;
    }
}
