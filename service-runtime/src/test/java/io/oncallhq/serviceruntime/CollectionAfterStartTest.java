package io.oncallhq.serviceruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class CollectionAfterStartTest {

    private final List<String> collectionCauses = new CopyOnWriteArrayList<>();
    private final NotificationListener recordCause = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            collectionCauses.add(GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData()).getGcCause());
        }
    };

    @BeforeEach
    void listenToCollections() {
        collectors().forEach(collector -> collector.addNotificationListener(recordCause, null, null));
    }

    @AfterEach
    void stopListening() throws Exception {
        for (NotificationEmitter collector : collectors()) {
            collector.removeNotificationListener(recordCause);
        }
    }

    @Test
    void aStartedServiceAsksForOneFullCollection() {
        SpringApplication application = new SpringApplication(AnyService.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ignored = application.run()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(collectionCauses).containsOnlyOnce("System.gc()"));
        }
    }

    private static List<NotificationEmitter> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(NotificationEmitter.class::cast).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AnyService {
    }
}
