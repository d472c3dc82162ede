package io.oncallhq.consumerlag;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerBindingsTest {

    @Test
    void everyGroupedBindingIsWatchedOnEachOfItsTopics() {
        BindingServiceProperties properties = bindings(Map.of(
                "alerts-in-0", binding("alerts", "incident-service"),
                "commands-in-0", binding("incident-commands, page-outcomes", "incident-service"),
                "incidents-in-0", binding("incidents", "postmortem-service")));

        assertThat(ConsumerBindings.of(properties)).containsExactlyInAnyOrder(
                new ConsumerGroupTopic("incident-service", "alerts"),
                new ConsumerGroupTopic("incident-service", "incident-commands"),
                new ConsumerGroupTopic("incident-service", "page-outcomes"),
                new ConsumerGroupTopic("postmortem-service", "incidents"));
    }

    @Test
    void producersAndAnonymousConsumersHaveNoLagToReport() {
        BindingServiceProperties properties = bindings(Map.of(
                "alerts-out-0", binding("alerts", null),
                "replies-in-0", binding("replies", " ")));

        assertThat(ConsumerBindings.of(properties)).isEmpty();
    }

    @Test
    void aBindingWithoutDestinationReadsTheTopicNamedAfterIt() {
        BindingServiceProperties properties = bindings(Map.of("audit-in-0", binding(null, "audit")));

        assertThat(ConsumerBindings.of(properties)).containsExactly(new ConsumerGroupTopic("audit", "audit-in-0"));
    }

    private static BindingServiceProperties bindings(Map<String, BindingProperties> bindings) {
        BindingServiceProperties properties = new BindingServiceProperties();
        properties.setBindings(new LinkedHashMap<>(bindings));
        return properties;
    }

    private static BindingProperties binding(String destination, String group) {
        BindingProperties binding = new BindingProperties();
        binding.setDestination(destination);
        binding.setGroup(group);
        return binding;
    }
}
