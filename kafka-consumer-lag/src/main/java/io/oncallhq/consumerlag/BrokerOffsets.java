package io.oncallhq.consumerlag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks the broker where consumer groups stand, through Kafka's {@link Admin} client: the topics' partitions, the
 * groups' committed offsets and the partitions' ends. One reading has one time budget for all its requests, so a
 * broker that does not answer costs at most that long.
 */
final class BrokerOffsets implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /** Every request carries the rest of its reading's budget as its timeout: the client's defaults never apply. */
    BrokerOffsets(String bootstrapServers, Duration timeout) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag"));
        this.timeout = timeout;
    }

    /**
     * The lag of each group on each of its topics. A topic the broker does not know (not created yet) is left out.
     *
     * @throws TimeoutException   when the broker has not answered within the timeout
     * @throws ExecutionException when the broker refused a request
     */
    Map<ConsumerGroupTopic, Lag> lag(Set<ConsumerGroupTopic> watched)
            throws ExecutionException, TimeoutException, InterruptedException {
        Budget budget = new Budget(System.nanoTime() + timeout.toNanos());
        Map<String, List<TopicPartition>> partitions =
                partitions(watched.stream().map(ConsumerGroupTopic::topic).collect(Collectors.toSet()), budget);
        List<ConsumerGroupTopic> existing =
                watched.stream().filter(read -> partitions.containsKey(read.topic())).toList();
        if (existing.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed(existing, partitions, budget);
        Map<TopicPartition, Long> ends =
                offsets(partitions.values().stream().flatMap(List::stream).toList(), OffsetSpec.latest(), budget);
        Set<TopicPartition> uncommitted = new HashSet<>();
        existing.forEach(read -> partitions.get(read.topic()).stream()
                .filter(partition -> committedOffset(committed, read.group(), partition) == null)
                .forEach(uncommitted::add));
        Map<TopicPartition, Long> starts =
                uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest(), budget);

        Map<ConsumerGroupTopic, Lag> lag = new LinkedHashMap<>();
        for (ConsumerGroupTopic read : existing) {
            lag.put(read, Lag.over(partitions.get(read.topic()).stream().map(partition -> {
                OffsetAndMetadata offset = committedOffset(committed, read.group(), partition);
                long position = offset == null ? starts.get(partition) : offset.offset();
                return new Lag.Partition(position, ends.get(partition));
            }).toList()));
        }
        return lag;
    }

    private Map<String, List<TopicPartition>> partitions(Set<String> topics, Budget budget)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(topics,
                new DescribeTopicsOptions().timeoutMs(budget.remainingMillis())).topicNameValues();
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        for (var description : descriptions.entrySet()) {
            try {
                partitions.put(description.getKey(), budget.await(description.getValue()).partitions().stream()
                        .map(partition -> new TopicPartition(description.getKey(), partition.partition())).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return partitions;
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(
            List<ConsumerGroupTopic> reads, Map<String, List<TopicPartition>> partitions, Budget budget)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, List<TopicPartition>> partitionsByGroup = reads.stream().collect(Collectors.groupingBy(
                ConsumerGroupTopic::group,
                Collectors.flatMapping(read -> partitions.get(read.topic()).stream(), Collectors.toList())));
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        partitionsByGroup.forEach((group, groupPartitions) ->
                specs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(groupPartitions)));
        return budget.await(admin.listConsumerGroupOffsets(specs,
                new ListConsumerGroupOffsetsOptions().timeoutMs(budget.remainingMillis())).all());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec, Budget budget)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, ListOffsetsResultInfo> offsets = budget.await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)),
                new ListOffsetsOptions().timeoutMs(budget.remainingMillis())).all());
        return offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Null when the group has committed nothing on the partition (the broker answers no entry or a null one). */
    private static OffsetAndMetadata committedOffset(Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
                                                     String group, TopicPartition partition) {
        return committed.getOrDefault(group, Map.of()).get(partition);
    }

    /** Closes at once: a reading still waiting for the broker fails, nothing is worth waiting for. */
    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }

    /** What is left of one reading's time. */
    private record Budget(long deadlineNanos) {

        int remainingMillis() throws TimeoutException {
            long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (millis <= 0) {
                throw new TimeoutException("the broker did not answer in time");
            }
            return Math.toIntExact(millis);
        }

        <T> T await(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
            return future.get(remainingMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
