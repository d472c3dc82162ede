package io.oncallhq.postmortem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lag of the service's consumer group, read from the broker, where Prometheus scrapes. */
class ConsumerLagMetricsIT extends RunningPostmortemService {

    @Test
    void theLagOfItsConsumerGroupOnIncidentsIsScraped() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get().uri("/actuator/prometheus")
                .retrieve().body(String.class)).containsPattern(
                // A number, not NaN: the broker has been asked.
                "oncallhq_consumer_lag\\{[^}]*group=\"postmortem-service\"[^}]*topic=\"incidents\"[^}]*} \\d"));
    }
}
