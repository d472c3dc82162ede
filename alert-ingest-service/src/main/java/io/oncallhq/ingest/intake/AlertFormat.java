package io.oncallhq.ingest.intake;

import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;

import java.time.Instant;
import java.util.List;

/** One monitoring payload format: how its parsed body becomes alert events. */
public interface AlertFormat<P> {

    /** The format's name, carried as {@code integrationType} and used by {@code explain?format=}. */
    IntegrationType type();

    Class<P> payloadType();

    /**
     * One alert per alert of the payload, in order. A batch is all or nothing: one invalid alert rejects it.
     *
     * @throws InvalidAlertException listing every field at fault
     */
    List<NormalisedAlert> normalise(P payload, Integration integration, RawPayload rawPayload, Instant receivedAt);
}
