package io.oncallhq.contracts.cloudevents;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private static final Instant AT = Instant.parse("2026-11-22T09:15:30Z");
    private final CloudEventCodec codec = new CloudEventCodec("incident-service");
    private final IncidentAcknowledged acknowledged =
            new IncidentAcknowledged("inc-7", Actor.responder("alex", "Alex Rivera"), AT);

    @Test
    void writesCloudEventAttributesAsKafkaBinaryModeHeaders() {
        Message<byte[]> message = codec.toMessage(acknowledged, "evt-1", AT);

        assertThat(message.getHeaders())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", "evt-1")
                .containsEntry("ce_type", "incident.acknowledged.v1")
                .containsEntry("ce_source", "/incident-service")
                .containsEntry("ce_subject", "inc-7")
                .containsEntry("ce_time", "2026-11-22T09:15:30Z")
                .containsEntry("content-type", "application/json");
        assertThat((byte[]) message.getHeaders().get(CloudEventCodec.KAFKA_KEY_HEADER))
                .isEqualTo("inc-7".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordWrittenDirectlyIsTheSameEventInBinaryModeAndReadsBack() {
        ProducerRecord<byte[], byte[]> record = codec.toRecord("incidents", acknowledged, "evt-1", AT);
        MessageBuilder<byte[]> received = MessageBuilder.withPayload(record.value());
        record.headers().forEach(header -> received.setHeader(header.key(), header.value()));

        assertThat(record.topic()).isEqualTo("incidents");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("inc-7");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("incident.acknowledged.v1");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/json");
        assertThat(record.value()).isEqualTo(codec.toMessage(acknowledged, "evt-1", AT).getPayload());
        assertThat(codec.decode(received.build(), IncidentEvent.class).orElseThrow().data()).isEqualTo(acknowledged);
    }

    @Test
    void readsHeadersThatArriveAsBytesFromKafka() {
        Message<byte[]> sent = codec.toMessage(acknowledged, "evt-1", AT);
        MessageBuilder<byte[]> received = MessageBuilder.withPayload(sent.getPayload());
        sent.getHeaders().forEach((name, value) -> {
            if (name.startsWith(CloudEventCodec.HEADER_PREFIX)) {
                received.setHeader(name, ((String) value).getBytes(StandardCharsets.UTF_8));
            }
        });

        ReceivedEvent<IncidentEvent> event = codec.decode(received.build(), IncidentEvent.class).orElseThrow();

        assertThat(event.data()).isEqualTo(acknowledged);
        assertThat(event.id()).isEqualTo("evt-1");
    }

    @Test
    void readsAttributesThatSpringCloudFunctionRenamedToTheCanonicalPrefix() {
        Message<byte[]> sent = codec.toMessage(acknowledged, "evt-1", AT);
        MessageBuilder<byte[]> received = MessageBuilder.withPayload(sent.getPayload());
        sent.getHeaders().forEach((name, value) -> {
            if (name.startsWith(CloudEventCodec.HEADER_PREFIX)) {
                received.setHeader("ce-" + name.substring(CloudEventCodec.HEADER_PREFIX.length()), value);
            }
        });

        ReceivedEvent<IncidentEvent> event = codec.decode(received.build(), IncidentEvent.class).orElseThrow();

        assertThat(event.data()).isEqualTo(acknowledged);
        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.subject()).isEqualTo("inc-7");
    }

    @Test
    void skipsTypesOutsideTheFamilyAndTypesNotYetKnown() {
        Message<byte[]> incidentEvent = codec.toMessage(acknowledged, "evt-1", AT);
        Message<byte[]> newerType = MessageBuilder.fromMessage(incidentEvent).setHeader("ce_type", "incident.acknowledged.v2").build();

        assertThat(codec.decode(incidentEvent, AlertEvent.class)).isEmpty();
        assertThat(codec.decode(newerType, IncidentEvent.class)).isEmpty();
    }

    @Test
    void toleratesFieldsAddedByNewerProducers() {
        String withExtraField = "{\"incidentId\":\"inc-7\",\"by\":{\"kind\":\"responder\",\"id\":\"alex\",\"name\":\"Alex Rivera\"},"
                + "\"occurredAt\":\"2026-11-22T09:15:30Z\",\"via\":\"mobile\"}";
        Message<byte[]> message = MessageBuilder.withPayload(withExtraField.getBytes(StandardCharsets.UTF_8))
                .copyHeaders(codec.toMessage(acknowledged, "evt-1", AT).getHeaders()).build();

        assertThat(codec.decode(message, IncidentEvent.class)).get().extracting(ReceivedEvent::data).isEqualTo(acknowledged);
    }

    @Test
    void unreadableDataOfAKnownTypeIsAPoisonMessage() {
        Message<byte[]> message = MessageBuilder.withPayload("not json".getBytes(StandardCharsets.UTF_8))
                .copyHeaders(codec.toMessage(acknowledged, "evt-1", AT).getHeaders()).build();

        assertThatThrownBy(() -> codec.decode(message, IncidentEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("evt-1");
    }
}
