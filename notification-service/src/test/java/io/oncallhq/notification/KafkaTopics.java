package io.oncallhq.notification;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain Kafka clients, as another service would use them: publish CloudEvents, read topics, check consumer lag. */
final class KafkaTopics implements AutoCloseable {

    private final String brokers;
    private final CloudEventCodec codec = new CloudEventCodec("notification-service-it");
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaTopics(String brokers) {
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The record a producer would send for this event, with its {@code ce_*} headers and key. */
    ProducerRecord<byte[], byte[]> record(String topic, ContractEvent event, String eventId) {
        Message<byte[]> message = codec.toMessage(event, eventId, java.time.Instant.now());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                event.partitionKey().getBytes(StandardCharsets.UTF_8), message.getPayload());
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith(CloudEventCodec.HEADER_PREFIX) || name.equals("content-type")) {
                record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        return record;
    }

    void send(ProducerRecord<byte[], byte[]> record) throws Exception {
        producer.send(record).get();
    }

    void publish(String topic, ContractEvent event, String eventId) throws Exception {
        send(record(topic, event, eventId));
    }

    /** Every record on the topic so far. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The topic's events of one family, decoded. */
    <T extends ContractEvent> List<ReceivedEvent<T>> events(String topic, Class<T> family) {
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

    /** Whether the consumer group has committed past every record of the topic, i.e. handled them all. */
    boolean consumedAll(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().allMatch(partition -> end.get(partition) == 0
                    || committed.get(partition) != null && committed.get(partition).offset() >= end.get(partition));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
