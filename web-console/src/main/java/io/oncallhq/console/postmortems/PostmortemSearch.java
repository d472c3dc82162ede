package io.oncallhq.console.postmortems;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list's search form; {@code q} is a case-insensitive piece of the title or summary, {@code cursor} where
 * postmortem-service's previous page ended (blank: the first page).
 */
public record PostmortemSearch(String q, String status, String severity, String serviceId, String teamId,
                               String cursor) {

    static final int PAGE_SIZE = 50;

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>(filters());
        query.put("cursor", cursor);
        query.put("limit", String.valueOf(PAGE_SIZE));
        return query;
    }

    public boolean firstPage() {
        return cursor == null || cursor.isBlank();
    }

    /** This list again from its first page; with a cursor, the page after it. */
    public String url(String nextCursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/postmortems");
        Map<String, String> query = new LinkedHashMap<>(filters());
        query.put("cursor", nextCursor);
        query.values().removeIf(value -> value == null || value.isBlank());
        // As variables, so that each value is encoded whole: a '+', '&' or '=' in a cursor or a search stays in it.
        query.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        return url.encode().buildAndExpand(query).toUriString();
    }

    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", status);
        filters.put("severity", severity);
        filters.put("serviceId", serviceId);
        filters.put("teamId", teamId);
        return filters;
    }

    /** postmortem-service's answer to {@code GET /postmortems/search}; {@code nextCursor} null on the last page. */
    record Result(List<Postmortem> items, String nextCursor) {
    }
}
