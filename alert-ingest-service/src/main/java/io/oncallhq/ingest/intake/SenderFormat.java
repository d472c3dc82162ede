package io.oncallhq.ingest.intake;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.publishing.IngestTopic;

import java.time.Instant;
import java.util.List;

/**
 * One sender's payload format: how its parsed body becomes the events of one request, and where they go.
 *
 * @param <P> the body as parsed
 * @param <N> one event as normalised: the contract event, with whatever else the answer needs about it
 */
public interface SenderFormat<P, N> {

    /** The format's name: the events' {@code integrationType}, its metrics' {@code format}, explain's {@code ?format=}. */
    IntegrationType type();

    Class<P> payloadType();

    /** Where the events are published; its requests are counted under its metrics. */
    IngestTopic topic();

    /**
     * One event per event of the payload, in order. A batch is all or nothing: one invalid entry rejects it.
     *
     * @throws InvalidAlertException listing every field at fault
     */
    List<N> normalise(P payload, Integration integration, RawPayload rawPayload, Instant receivedAt);

    /** The contract event that is published for {@code normalised}. */
    ContractEvent event(N normalised);
}
