package io.oncallhq.postmortem.search;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.actionitems.ActionItems;
import io.oncallhq.postmortem.config.PostmortemProperties;
import io.oncallhq.postmortem.document.PostmortemResponse;
import io.oncallhq.postmortem.review.PostmortemStatus;
import io.oncallhq.postmortem.search.PostmortemSearch.Filter;
import io.oncallhq.postmortem.search.PostmortemSearch.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Search with cursor pagination. */
@RestController
class SearchController {

    private final PostmortemSearch search;
    private final ActionItems actionItems;
    private final PostmortemProperties properties;

    SearchController(PostmortemSearch search, ActionItems actionItems, PostmortemProperties properties) {
        this.search = search;
        this.actionItems = actionItems;
        this.properties = properties;
    }

    @Operation(summary = "Post-mortems by service, team, severity, status, incident start (from inclusive, to exclusive) "
            + "and text in title or summary; newest first; pass nextCursor as cursor for the next page")
    @GetMapping("/postmortems/search")
    SearchResponse search(@RequestParam(required = false) String serviceId,
                          @RequestParam(required = false) String teamId,
                          @RequestParam(required = false) @Pattern(regexp = "critical|error|warning|info") String severity,
                          @RequestParam(required = false) @Pattern(regexp = "draft|in_review|published") String status,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                          @RequestParam(required = false) String q,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        Filter filter = new Filter(serviceId, teamId,
                severity == null ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
                status == null ? null : PostmortemStatus.valueOf(status.toUpperCase(Locale.ROOT)), from, to, q);
        Page page = search.find(filter, cursor, limit);
        return new SearchResponse(page.items().stream().map(postmortem -> PostmortemResponse.of(postmortem,
                actionItems.ofPostmortem(postmortem.id()), properties.incidentUrl(postmortem.incidentId()))).toList(),
                page.nextCursor());
    }

    record SearchResponse(List<PostmortemResponse> items, String nextCursor) {
    }
}
