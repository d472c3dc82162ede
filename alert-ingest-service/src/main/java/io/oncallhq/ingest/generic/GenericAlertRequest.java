package io.oncallhq.ingest.generic;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The generic webhook format. Fields are read as sent (strings) and checked by {@link GenericAlertFormat}, so that
 * one answer can list every field at fault.
 */
@Schema(name = "GenericAlert", description = "A plain JSON alert from any tool")
record GenericAlertRequest(
        @Schema(description = "What is wrong, at most 1024 characters", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Checkout latency above 2s") String summary,
        @Schema(description = "Required for trigger; case-insensitive", allowableValues = {"critical", "error", "warning", "info"})
        String severity,
        @Schema(description = "The alert's identity: the same key again updates or resolves the same alert; at most 255 characters."
                + " Without it the key is derived from summary and source.", example = "checkout-latency") String dedupKey,
        @Schema(description = "Defaults to trigger", allowableValues = {"trigger", "resolve"}) String action,
        @Schema(description = "Where the problem is: host, job, component", example = "checkout-api-7f9c") String source,
        Map<String, String> labels,
        Map<String, Object> details,
        List<Link> links,
        @Schema(description = "When the problem started, RFC 3339", example = "2026-11-22T09:15:00Z") String startedAt) {

    record Link(String href, String text) {
    }
}
