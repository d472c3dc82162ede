package io.oncallhq.consumerlag;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.convert.support.DefaultConversionService;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerAssignmentsTest {

    private final ConsumerAssignments consumers = new ConsumerAssignments(Set.of("alerts-in-0", "changes-in-0"));

    @Test
    void notReadyUntilEveryConsumerBindingHasBeenAssigned() {
        assertThat(consumers.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        consumers.onPartitionsAssigned("alerts-in-0", null, List.of(new TopicPartition("alerts", 0)), true);
        Health oneWaiting = consumers.health();

        assertThat(oneWaiting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(oneWaiting.getDetails()).isEqualTo(Map.of("waitingForAssignment", List.of("changes-in-0")));

        consumers.onPartitionsAssigned("changes-in-0", null, List.of(new TopicPartition("changes", 0)), true);
        assertThat(consumers.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anAssignmentOfNoPartitionsCounts() {
        consumers.onPartitionsAssigned("alerts-in-0", null, List.of(), true);
        consumers.onPartitionsAssigned("changes-in-0", null, List.of(), true);

        assertThat(consumers.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void watchesTheBindingsWithAGroupOnly() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ConsumerReadinessAutoConfiguration.class))
                .withBean(BindingServiceProperties.class, () -> {
                    BindingServiceProperties bindings = new BindingServiceProperties();
                    bindings.setConversionService(new DefaultConversionService());
                    return bindings;
                })
                .withPropertyValues("spring.cloud.stream.bindings.alerts-in-0.group=incident-service",
                        "spring.cloud.stream.bindings.incidents-out-0.destination=incidents")
                .run(context -> {
                    ConsumerAssignments assignments = context.getBean("consumersHealthIndicator", ConsumerAssignments.class);
                    assertThat(assignments.health().getDetails())
                            .isEqualTo(Map.of("waitingForAssignment", List.of("alerts-in-0")));
                });
    }
}
