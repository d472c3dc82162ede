package io.oncallhq.postmortem;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.PostmortemSearch.Filter;
import io.oncallhq.postmortem.PostmortemSearch.Page;
import io.oncallhq.postmortem.config.PostmortemProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Search with cursor pagination, and review metrics per team. */
@RestController
class SearchController {

    private final PostmortemSearch search;
    private final ActionItems actionItems;
    private final MongoTemplate mongo;
    private final PostmortemProperties properties;
    private final Clock clock;

    SearchController(PostmortemSearch search, ActionItems actionItems, MongoTemplate mongo,
                     PostmortemProperties properties, Clock clock) {
        this.search = search;
        this.actionItems = actionItems;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
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

    @Operation(summary = "Per team: post-mortems, published, time from resolve to first publication, action items open and overdue")
    @GetMapping("/metrics/review")
    List<ReviewMetrics> reviewMetrics(@RequestParam(required = false) String teamId) {
        Criteria ofTeam = teamId == null ? new Criteria() : where("facts.teamId").is(teamId);
        Criteria itemsOfTeam = teamId == null ? new Criteria() : where("teamId").is(teamId);
        List<Postmortem> postmortems = mongo.find(new Query(ofTeam), Postmortem.class, Postmortems.COLLECTION);
        List<ActionItem> items = mongo.find(new Query(itemsOfTeam), ActionItem.class, ActionItems.COLLECTION);
        return ReviewMetrics.perTeam(postmortems, items, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    record SearchResponse(List<PostmortemResponse> items, String nextCursor) {
    }
}
