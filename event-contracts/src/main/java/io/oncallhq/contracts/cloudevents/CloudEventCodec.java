package io.oncallhq.contracts.cloudevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.oncallhq.contracts.ContractEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads contract events as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_*} headers,
 * the record as JSON in the value, the partition key as the Kafka key.
 */
public final class CloudEventCodec {

    public static final String HEADER_PREFIX = "ce_";
    public static final String JSON = "application/json";
    private static final String SPRING_HEADER_PREFIX = "ce-";
    /** The Kafka record key header of spring-kafka ({@code KafkaHeaders.KEY}); bytes suit the binder's serializer. */
    static final String KAFKA_KEY_HEADER = "kafka_messageKey";

    private final String source;
    private final URI sourceUri;   // parsed once: records written by toRecord all share it
    private final JsonMapper json;

    /** @param producer the producing service's name, used as the CloudEvents {@code source} ({@code /name}) */
    public CloudEventCodec(String producer) {
        this.source = "/" + producer;
        this.sourceUri = URI.create(source);
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    public EncodedEvent encode(ContractEvent event, String id, Instant time) {
        return new EncodedEvent(id, EventTypes.typeOf(event.getClass()), source, event.subject(), event.partitionKey(),
                time, json.writeValueAsString(event));
    }

    public Message<byte[]> toMessage(ContractEvent event, String id, Instant time) {
        return toMessage(encode(event, id, time));
    }

    public Message<byte[]> toMessage(EncodedEvent encoded) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(encoded.data().getBytes(StandardCharsets.UTF_8))
                .setHeader(KAFKA_KEY_HEADER, encoded.partitionKey().getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", JSON);
        binaryModeHeaders(encoded.id(), encoded.type(), URI.create(encoded.source()), encoded.subject(), encoded.time())
                .forEach(message::setHeader);
        return message.build();
    }

    /**
     * The event as a Kafka record in the CloudEvents Kafka protocol binding's binary mode, for producers that write
     * records themselves: the partition key as the record key, the data as its value, the attributes as {@code ce_*}
     * headers and {@code content-type} in UTF-8. The binder's consumers read it as they read the binder's own.
     */
    public ProducerRecord<byte[], byte[]> toRecord(String topic, ContractEvent event, String id, Instant time) {
        // The JSON straight to bytes: no intermediate String, which in a batch of alerts was a copy per record.
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                event.partitionKey().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(event));
        binaryModeHeaders(id, EventTypes.typeOf(event.getClass()), sourceUri, event.subject(), time)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static Map<String, String> binaryModeHeaders(String id, String type, URI source, String subject, Instant time) {
        CloudEvent event = CloudEventBuilder.v1()   // validates the attributes
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            if (value != null && !name.equals("datacontenttype")) {
                headers.put(HEADER_PREFIX + name, value instanceof OffsetDateTime offsetTime ? offsetTime.toString() : value.toString());
            }
        }
        headers.put("content-type", JSON);
        return headers;
    }

    /**
     * Reads a message of the given family. Empty when the message is of a type this family does not know
     * (a newer producer, or another family on the same topic): consumers skip those.
     *
     * @throws MalformedEventException when the message claims a known type but cannot be read
     */
    public <T extends ContractEvent> Optional<ReceivedEvent<T>> decode(Message<?> message, Class<T> family) {
        String type = header(message, "type");
        if (type == null) {
            return Optional.empty();
        }
        Optional<Class<? extends T>> member = EventTypes.memberOf(family, type);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        String id = header(message, "id");
        String time = header(message, "time");
        String sourceHeader = header(message, "source");
        if (id == null || sourceHeader == null) {
            throw new MalformedEventException("event of type " + type + " lacks ce_id or ce_source");
        }
        try {
            T data = json.readValue(payloadBytes(message.getPayload()), member.get());
            return Optional.of(new ReceivedEvent<>(id, type, URI.create(sourceHeader),
                    time == null ? null : OffsetDateTime.parse(time).toInstant(), header(message, "subject"), data));
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + id + " of type " + type + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The event's JSON form, as it travels in a message value. */
    public String toJson(ContractEvent event) {
        return json.writeValueAsString(event);
    }

    /**
     * Reads an attribute from its Kafka binding header ({@code ce_}), or from the {@code ce-} header under which
     * Spring Cloud Function hands a recognised CloudEvent's attributes to a consumer.
     */
    private static String header(Message<?> message, String attribute) {
        Object value = message.getHeaders().get(HEADER_PREFIX + attribute);
        if (value == null) {
            value = message.getHeaders().get(SPRING_HEADER_PREFIX + attribute);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static byte[] payloadBytes(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new MalformedEventException("unexpected payload type " + payload.getClass().getName());
    }
}
