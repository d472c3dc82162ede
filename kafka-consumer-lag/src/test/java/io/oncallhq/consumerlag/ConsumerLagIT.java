package io.oncallhq.consumerlag;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.localruntime.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.convert.support.DefaultConversionService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The gauges of a service whose binding {@code orders-in-0} reads {@code orders} in group {@code billing}, on a real
 * KRaft broker: records produced, offsets committed as the group's consumer would, the gauges read back.
 */
class ConsumerLagIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Generous: only there to catch a close that hangs on the broker, which once took minutes. */
    private static final Duration HANG = Duration.ofSeconds(15);

    private static ApplicationContextRunner serviceOn(LocalKafka kafka) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, ConsumerLagAutoConfiguration.class))
                // As Spring Cloud Stream's own configuration makes it, bound to spring.cloud.stream.*.
                .withBean(BindingServiceProperties.class, () -> {
                    BindingServiceProperties bindings = new BindingServiceProperties();
                    bindings.setConversionService(new DefaultConversionService());
                    return bindings;
                })
                .withPropertyValues(
                        "spring.cloud.stream.bindings.orders-in-0.destination=orders",
                        "spring.cloud.stream.bindings.orders-in-0.group=billing",
                        "spring.cloud.stream.bindings.refunds-in-0.destination=refunds",
                        "spring.cloud.stream.bindings.refunds-in-0.group=billing",
                        "spring.cloud.stream.bindings.receipts-out-0.destination=receipts",
                        "spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                        "oncallhq.consumer-lag.interval=200ms",
                        "oncallhq.consumer-lag.timeout=1s");
    }

    @Test
    void theGaugesShowWhatTheGroupHasStillToRead(@TempDir Path dataDir) throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0); Admin admin = adminOf(kafka)) {
            createOrders(admin);
            produce(kafka, 0, 6);
            produce(kafka, 1, 4);

            serviceOn(kafka).run(context -> {
                // Nothing committed yet: the group would start from the beginning, so all ten are ahead of it.
                awaitLag(context, "orders", 10, 6);

                commit(admin, Map.of(0, 4L, 1, 1L));
                awaitLag(context, "orders", 5, 3);

                commit(admin, Map.of(0, 6L, 1, 4L));
                awaitLag(context, "orders", 0, 0);

                assertThat(gauge(context, ConsumerLagGauges.LAG, "refunds")).as("a topic not created yet").isNaN();
                assertThat(registry(context).find(ConsumerLagGauges.LAG).tag("topic", "receipts").gauges())
                        .as("a producer binding").isEmpty();
            });
        }
    }

    @Test
    void whileTheBrokerIsDownTheGaugesShowNothingAndTheServiceStillClosesPromptly(@TempDir Path dataDir)
            throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
            try (Admin admin = adminOf(kafka)) {
                createOrders(admin);
            }
            produce(kafka, 0, 3);

            serviceOn(kafka).run(context -> {
                awaitLag(context, "orders", 3, 3);

                kafka.close();

                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(gauge(context, ConsumerLagGauges.LAG, "orders")).isNaN();
                    assertThat(gauge(context, ConsumerLagGauges.LARGEST_PARTITION_LAG, "orders")).isNaN();
                });
                assertTimeoutPreemptively(HANG, context::close);
            });
        }
    }

    private static void awaitLag(AssertableApplicationContext context, String topic, double total, double largest) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(gauge(context, ConsumerLagGauges.LAG, topic)).isEqualTo(total);
            assertThat(gauge(context, ConsumerLagGauges.LARGEST_PARTITION_LAG, topic)).isEqualTo(largest);
        });
    }

    private static double gauge(AssertableApplicationContext context, String name, String topic) {
        return registry(context).get(name).tags("group", "billing", "topic", topic).gauge().value();
    }

    private static MeterRegistry registry(AssertableApplicationContext context) {
        return context.getBean(MeterRegistry.class);
    }

    private static Admin adminOf(LocalKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void createOrders(Admin admin) throws Exception {
        admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all().get();
    }

    private static void produce(LocalKafka kafka, int partition, int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("orders", partition, "order-" + i, "placed")).get();
            }
        }
    }

    /** As the group's consumer commits after handling records: the next offset to read, per partition. */
    private static void commit(Admin admin, Map<Integer, Long> nextOffsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, offset) -> offsets.put(new TopicPartition("orders", partition),
                new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets("billing", offsets).all().get();
    }
}
