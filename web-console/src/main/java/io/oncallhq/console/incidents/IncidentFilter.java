package io.oncallhq.console.incidents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list's filters as the form sends them; {@code since} is a span back from now ({@code 24h}, {@code 7d},
 * {@code 30d}), blank for any time.
 */
public record IncidentFilter(String status, String serviceId, String teamId, String severity, String since) {

    /** incident-service's status for triggered or acknowledged. */
    static final String OPEN = "open";

    /** The query of incident-service's {@code GET /incidents}. */
    Map<String, String> query(Instant now) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("serviceId", serviceId);
        query.put("teamId", teamId);
        query.put("severity", severity);
        Duration span = span();
        query.put("from", span == null ? null : now.minus(span).toString());
        query.put("limit", "200");
        return query;
    }

    /** The same filters as the console's own query string, for the rows the page refreshes. */
    public String queryString() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status);
        append(query, "serviceId", serviceId);
        append(query, "teamId", teamId);
        append(query, "severity", severity);
        append(query, "since", since);
        return query.toString();
    }

    private Duration span() {
        return switch (since == null ? "" : since) {
            case "24h" -> Duration.ofHours(24);
            case "7d" -> Duration.ofDays(7);
            case "30d" -> Duration.ofDays(30);
            default -> null;
        };
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
