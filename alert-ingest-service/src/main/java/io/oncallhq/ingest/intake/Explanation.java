package io.oncallhq.ingest.intake;

import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;

import java.util.List;

/** What one request would publish: the integration it authenticated as, and each normalised alert. */
public record Explanation(Integration integration, IntegrationType format, List<NormalisedAlert> alerts) {
}
