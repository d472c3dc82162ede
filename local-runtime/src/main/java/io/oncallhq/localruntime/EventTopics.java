package io.oncallhq.localruntime;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The system's topics seen from outside, with plain Kafka clients as any other producer or consumer would use
 * them: publish contract events as CloudEvents, read topics from the beginning, send records again (a
 * redelivery), and tell whether the consumer groups have handled everything. For tests and benchmarks.
 */
public final class EventTopics implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final CloudEventCodec codec;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    /** @param producerName the CloudEvents {@code source} of what this publishes */
    public EventTopics(String bootstrapServers, String producerName) {
        this.bootstrapServers = bootstrapServers;
        this.codec = new CloudEventCodec(producerName);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** The record a producer of this system sends for the event: {@code ce_*} headers, JSON value, partition key. */
    public ProducerRecord<byte[], byte[]> record(String topic, ContractEvent event, String eventId) {
        return codec.toRecord(topic, event, eventId, Instant.now());
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<byte[], byte[]> record) throws ExecutionException, InterruptedException {
        producer.send(record).get();
    }

    public void publish(String topic, ContractEvent event, String eventId) throws ExecutionException, InterruptedException {
        send(record(topic, event, eventId));
    }

    /** Sends copies of the records (same key, value and headers): what a consumer sees on a redelivery. */
    public void redeliver(List<ConsumerRecord<byte[], byte[]>> records) throws ExecutionException, InterruptedException {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
    }

    /** Every record on the topics, from the beginning up to their current end. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, READ_TIMEOUT).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to the end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return readAll(List.of(topic));
    }

    /** The topic's events of one family, decoded; records of other types are left out. */
    public <T extends ContractEvent> List<ReceivedEvent<T>> events(String topic, Class<T> family) {
        List<ReceivedEvent<T>> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
            for (Header header : record.headers()) {
                message.setHeader(header.key(), header.value());
            }
            codec.decode(message.build(), family).ifPresent(events::add);
        }
        return events;
    }

    public static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(found -> new String(found.value(), StandardCharsets.UTF_8));
    }

    /** Whether the group has committed past every record of the topic, i.e. has handled them all. */
    public boolean consumedAll(String group, String topic) throws ExecutionException, InterruptedException {
        return caughtUp(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(), List.of(topic));
    }

    /** Whether every consumer group has committed up to the end of every topic it consumes. */
    public boolean consumersCaughtUp() throws ExecutionException, InterruptedException {
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            if (!caughtUp(committed, committed.keySet().stream().map(TopicPartition::topic).distinct().toList())) {
                return false;
            }
        }
        return true;
    }

    private boolean caughtUp(Map<TopicPartition, OffsetAndMetadata> committed, List<String> topics)
            throws ExecutionException, InterruptedException {
        for (Map.Entry<TopicPartition, Long> end : endOffsets(topics).entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            if ((offset == null ? 0 : offset.offset()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(description -> description.partitions()
                .forEach(info -> partitions.add(new TopicPartition(description.name(), info.partition()))));
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
