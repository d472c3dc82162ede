package io.oncallhq.outbox;

import com.mongodb.client.MongoClients;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxAutoConfigurationTest {

    /** No server behind it: nothing here reads or writes. */
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
            .withBean(MongoOperations.class, () -> new MongoTemplate(MongoClients.create("mongodb://localhost:1"), "db"))
            .withBean(OutboxSender.class, () -> (binding, message) -> { })
            .withPropertyValues("spring.application.name=test-service");

    @Test
    void aServiceThatListsNoCollectionsGetsNoOutbox() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OutboxRelay.class).doesNotHaveBean(OutboxWriters.class)
                    .doesNotHaveBean(CloudEventCodec.class);
        });
    }

    @Test
    void theCollectionsListedInYamlAreRelayedWithTheStatedSettings() {
        service.withPropertyValues("oncallhq.outbox.collections[0]=things", "oncallhq.outbox.collections[1]=others",
                "oncallhq.outbox.sweep-interval=5m", "oncallhq.outbox.write-attempts=3").run(context -> {
            assertThat(context).hasSingleBean(OutboxWriters.class).hasSingleBean(CloudEventCodec.class);
            OutboxRelay relay = context.getBean(OutboxRelay.class);
            assertThat(relay.relays("things")).isTrue();
            assertThat(relay.relays("others")).isTrue();
            assertThat(relay.relays("elsewhere")).isFalse();
            OutboxProperties properties = context.getBean(OutboxProperties.class);
            assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.writeAttempts()).isEqualTo(3);
            assertThat(properties.retryInterval()).as("default").isEqualTo(Duration.ofMillis(500));
            assertThat(properties.appliedEventIds()).as("default").isEqualTo(500);
        });
    }

    @Test
    void aServicesOwnCodecIsKept() {
        CloudEventCodec own = new CloudEventCodec("own-name");
        service.withPropertyValues("oncallhq.outbox.collections=things")
                .withBean(CloudEventCodec.class, () -> own)
                .run(context -> assertThat(context.getBean(CloudEventCodec.class)).isSameAs(own));
    }
}
