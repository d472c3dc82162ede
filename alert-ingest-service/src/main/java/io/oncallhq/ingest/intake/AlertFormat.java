package io.oncallhq.ingest.intake;

import io.oncallhq.ingest.integration.Integration;

import java.time.Instant;

/** One monitoring payload format: how its parsed body becomes an alert event. */
public interface AlertFormat<P> {

    Class<P> payloadType();

    /** @throws InvalidAlertException listing every field at fault */
    NormalisedAlert normalise(P payload, Integration integration, String rawPayload, Instant receivedAt);
}
