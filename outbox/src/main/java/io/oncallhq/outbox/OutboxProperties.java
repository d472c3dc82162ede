package io.oncallhq.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code oncallhq.outbox.*}: what the relay watches and how the writer writes.
 *
 * @param collections     the collections whose documents carry an outbox; setting it turns the outbox on
 * @param sweepInterval   how often the relay searches them for events a crash left (and once at start)
 * @param retryInterval   how often the relay tries again the documents whose relay failed
 * @param writeAttempts   how many times {@link OutboxWriter} tries a write in all while it meets concurrent ones
 *                        (the relay's removal of sent events, another instance); then the conflict is thrown
 * @param appliedEventIds how many applied event ids each document remembers ({@link AppliedEventIds}). A redelivery
 *                        replays from the last committed offset: at most one poll ({@code max.poll.records}, 500 by
 *                        default) of records, however they were retried, so no more than that many events can have
 *                        reached one aggregate from that topic between an event and its redelivery. About 40 bytes
 *                        each, 20 KB at most in a document that takes in that many
 */
@ConfigurationProperties("oncallhq.outbox")
public record OutboxProperties(
        List<String> collections,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("10") int writeAttempts,
        @DefaultValue("500") int appliedEventIds) {
}
