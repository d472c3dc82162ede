package io.oncallhq.ingest.publishing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends events to one of ingest's topics ({@code alerts}, {@code changes}) and returns only once the broker
 * acknowledged every one of them (acks=all, idempotent producer). All events of a request are handed to the producer
 * first and waited for once, so a request costs about one broker round trip however many events it carries, and
 * concurrent requests share the producer's batches. The wait is bounded: the producer fails a send after
 * {@code max.block.ms} (no metadata) or {@code delivery.timeout.ms} (no acknowledgement). Ingest keeps no state with
 * the event, so a direct send (rather than an outbox) is enough: if it fails the sender is told to retry, and nothing
 * was stored.
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    /** Beyond the producer's own bounds, for the callback to arrive. */
    private static final Duration CALLBACK_MARGIN = Duration.ofSeconds(1);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final CloudEventCodec codec;
    private final ObservationRegistry observations;
    private final Duration acknowledgementWait;

    EventPublisher(KafkaTemplate<byte[], byte[]> kafka, CloudEventCodec codec, ObservationRegistry observations) {
        this.kafka = kafka;
        this.codec = codec;
        this.observations = observations;
        this.acknowledgementWait = producerMillis(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
                .plus(producerMillis(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)).plus(CALLBACK_MARGIN);
    }

    /**
     * @return each event's new id, in the order of {@code events}
     * @throws BrokerUnavailableException when the broker did not acknowledge all of them in time; some may have
     *                                    been published, and the sender's retry repeats them (alerts with the same
     *                                    dedup keys)
     */
    public List<String> publishAll(IngestTopic topic, List<? extends ContractEvent> events, Instant time) {
        List<String> ids = new ArrayList<>(events.size());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
        for (ContractEvent event : events) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(codec.toRecord(topic.topic(), event, id, time));
        }
        send(topic, records, events.getFirst(), ids.getFirst());
        return ids;
    }

    /**
     * With an id the caller derived, for an event that may be published again after a crash (a heartbeat's
     * overdue alert): the same id again is a redelivery to consumers, not a new alert.
     *
     * @throws BrokerUnavailableException when the broker did not acknowledge it in time
     */
    public void publish(IngestTopic topic, ContractEvent event, String eventId, Instant time) {
        send(topic, List.of(codec.toRecord(topic.topic(), event, eventId, time)), event, eventId);
    }

    /**
     * Sends the records in one producer span, whose trace context every record carries ({@code traceparent}), so
     * each consumer's span is its child. Spring Kafka's own observation makes a span per record, which in a batch
     * of a hundred alerts cost more than the sends themselves.
     */
    private void send(IngestTopic topic, List<ProducerRecord<byte[], byte[]>> records, ContractEvent first, String firstId) {
        Observation observation = publishObservation(topic, records).start();
        try {
            List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                CompletableFuture<SendResult<byte[], byte[]>> sent = send(record);
                sends.add(sent);
                if (sent.isCompletedExceptionally()) {
                    break; // the producer waited max.block.ms for the broker in vain; each further send would wait again
                }
            }
            awaitAcknowledgement(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)), first, firstId);
        } catch (BrokerUnavailableException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private Observation publishObservation(IngestTopic topic, List<ProducerRecord<byte[], byte[]>> records) {
        SenderContext<List<ProducerRecord<byte[], byte[]>>> context = new SenderContext<>(
                (carrier, name, value) -> carrier.forEach(record ->
                        record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8))),
                Kind.PRODUCER);
        context.setCarrier(records);
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(topic.publishObservation(), () -> context, observations)
                .contextualName(topic.sendSpanName())
                .lowCardinalityKeyValue("messaging.system", "kafka")
                .lowCardinalityKeyValue("messaging.destination.name", topic.topic())
                .highCardinalityKeyValue("messaging.batch.message_count", String.valueOf(records.size()));
    }

    private CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            // The producer throws (rather than failing the future) when it gets no metadata within max.block.ms.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAcknowledgement(CompletableFuture<?> acknowledged, ContractEvent event, String eventId) {
        try {
            acknowledged.get(acknowledgementWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // A broker that went away gives Kafka's TimeoutException ("Expiring 1 record(s)") after
            // delivery.timeout.ms; one that is down from the start, a TimeoutException for its metadata after max.block.ms.
            log.warn("Event {} ({}, key {}) was not acknowledged by Kafka: {}", eventId, event.getClass().getSimpleName(),
                    event.partitionKey(), rootMessage(e));
            throw new BrokerUnavailableException("Kafka did not acknowledge the event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for Kafka", e);
        }
    }

    private Duration producerMillis(String setting, long kafkaDefault) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties().get(setting);
        return Duration.ofMillis(configured == null ? kafkaDefault : Long.parseLong(configured.toString()));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
