package io.oncallhq.ingest.alertmanager;

import io.oncallhq.contracts.Severity;

import java.util.Locale;

/**
 * Severity from the {@code severity} label, which Prometheus rules set by convention but with no fixed values.
 * Common spellings map onto the four levels; anything else (or nothing) becomes warning, so an alert is never
 * dropped for its severity, and the rule says so.
 */
record LabelSeverity(Severity severity, String rule) {

    static LabelSeverity of(String label) {
        if (label == null || label.isBlank()) {
            return new LabelSeverity(Severity.WARNING, "no severity label: warning by default");
        }
        Severity mapped = switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "page" -> Severity.CRITICAL;
            case "error", "high" -> Severity.ERROR;
            case "warning", "warn", "medium" -> Severity.WARNING;
            case "info", "low", "none" -> Severity.INFO;
            default -> null;
        };
        if (mapped == null) {
            return new LabelSeverity(Severity.WARNING, "severity label '" + label + "' is not a known value: warning by default");
        }
        return new LabelSeverity(mapped, "severity label '" + label + "' maps to " + mapped.name().toLowerCase(Locale.ROOT));
    }
}
