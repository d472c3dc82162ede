package io.oncallhq.postmortem.review;

import io.oncallhq.postmortem.actionitems.ActionItems;
import io.oncallhq.postmortem.document.Postmortems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** How review goes per team ({@link ReviewMetrics}). */
@RestController
class ReviewMetricsController {

    private final Postmortems postmortems;
    private final ActionItems actionItems;
    private final Clock clock;

    ReviewMetricsController(Postmortems postmortems, ActionItems actionItems, Clock clock) {
        this.postmortems = postmortems;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    @Operation(summary = "Per team: post-mortems, published, time from resolve to first publication, action items open and overdue")
    @GetMapping("/metrics/review")
    List<ReviewMetrics> reviewMetrics(@RequestParam(required = false) String teamId) {
        return ReviewMetrics.perTeam(postmortems.ofTeam(teamId), actionItems.ofTeam(teamId),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
