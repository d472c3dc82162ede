package io.oncallhq.consumerlag;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Health indicator {@code consumers}: UP once every consumer binding with a group has had its first partition
 * assignment, so that "ready" means the service reads its topics, not only that the broker answers. An assignment of no
 * partitions counts (a group with more members than partitions leaves some idle, and they are as ready as they will
 * be). It stays UP after that: a later rebalance or a broker outage delays reading, which the {@code kafka} indicator
 * and the lag gauges show, and taking the instance out of service would not help.
 */
public final class ConsumerAssignments implements KafkaBindingRebalanceListener, HealthIndicator {

    private final Set<String> consumerBindings;
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();

    public ConsumerAssignments(Set<String> consumerBindings) {
        this.consumerBindings = Set.copyOf(consumerBindings);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions, boolean initial) {
        assigned.add(bindingName);
    }

    @Override
    public Health health() {
        List<String> waiting = consumerBindings.stream().filter(binding -> !assigned.contains(binding)).sorted().toList();
        if (waiting.isEmpty()) {
            return Health.up().withDetail("assigned", consumerBindings.stream().sorted().toList()).build();
        }
        return Health.outOfService().withDetail("waitingForAssignment", waiting).build();
    }
}
