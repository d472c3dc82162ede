package io.oncallhq.consumerlag;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.util.StringUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The consumer bindings of a service's Spring Cloud Stream bindings, their groups and the topics each reads. */
final class ConsumerBindings {

    private ConsumerBindings() {
    }

    /**
     * One entry per destination of every binding with a group. Bindings without a group (producers, and anonymous
     * consumers, whose random groups start at the end of the topic and commit nothing lasting) have no lag to report.
     */
    static Set<ConsumerGroupTopic> of(BindingServiceProperties properties) {
        Set<ConsumerGroupTopic> consumed = new LinkedHashSet<>();
        for (String binding : names(properties)) {
            String group = properties.getGroup(binding);
            // The destination defaults to the binding's name, as for the binder; a consumer may read several topics.
            String destinations = properties.getBindingDestination(binding);
            for (String topic : StringUtils.commaDelimitedListToStringArray(destinations)) {
                consumed.add(new ConsumerGroupTopic(group, topic.trim()));
            }
        }
        return consumed;
    }

    /** The names of the bindings with a group: the consumers that join a group and get partitions assigned. */
    static Set<String> names(BindingServiceProperties properties) {
        Set<String> names = new LinkedHashSet<>();
        for (String binding : List.copyOf(properties.getBindings().keySet())) {
            if (StringUtils.hasText(properties.getGroup(binding))) {
                names.add(binding);
            }
        }
        return names;
    }
}
