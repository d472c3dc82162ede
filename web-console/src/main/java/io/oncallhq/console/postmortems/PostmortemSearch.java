package io.oncallhq.console.postmortems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list's search form; {@code q} is a case-insensitive piece of the title or summary. */
public record PostmortemSearch(String q, String status, String serviceId, String teamId) {

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("status", status);
        query.put("serviceId", serviceId);
        query.put("teamId", teamId);
        query.put("limit", "100");
        return query;
    }

    /** postmortem-service's answer to {@code GET /postmortems/search}. */
    record Result(List<Postmortem> items, String nextCursor) {
    }
}
