package io.oncallhq.incident.coverage;

import java.time.Instant;
import java.util.List;

/** A {@link CoverageGap} over REST: in {@code GET /services/{id}/coverage}, and as a warning of an on-call write. */
public record GapResponse(String serviceId, int level, Instant start, Instant end, String reason,
                          List<CoverageGap.ScheduleRef> schedules, String message) {

    static GapResponse of(CoverageGap gap) {
        return new GapResponse(gap.serviceId(), gap.level(), gap.start(), gap.end(), gap.reason(), gap.schedules(),
                gap.message());
    }
}
