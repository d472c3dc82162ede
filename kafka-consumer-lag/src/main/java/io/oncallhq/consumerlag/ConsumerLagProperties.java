package io.oncallhq.consumerlag;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code oncallhq.consumer-lag.*}; {@code oncallhq.consumer-lag.enabled=false} turns the gauges off.
 *
 * @param interval the pause between two readings (15 s unless set)
 * @param timeout  how long one reading may wait for the broker, all its requests together (5 s unless set)
 */
@ConfigurationProperties("oncallhq.consumer-lag")
public record ConsumerLagProperties(Duration interval, Duration timeout) {

    public ConsumerLagProperties {
        interval = interval == null ? Duration.ofSeconds(15) : interval;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
