package io.oncallhq.consumerlag;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConsumerLagAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withBean(BindingServiceProperties.class, () -> {
                BindingServiceProperties bindings = new BindingServiceProperties();
                bindings.setConversionService(new DefaultConversionService());
                return bindings;
            });

    @Test
    void aServiceThatConsumesNothingAsksTheBrokerNothing() {
        service.withPropertyValues("spring.cloud.stream.bindings.alerts-out-0.destination=alerts").run(context -> {
            assertThat(context.getBean(ConsumerLagGauges.class).isRunning()).isFalse();
            assertThat(context.getBean(SimpleMeterRegistry.class).find(ConsumerLagGauges.LAG).gauges()).isEmpty();
        });
    }

    @Test
    void theGaugesCanBeTurnedOff() {
        service.withPropertyValues("spring.cloud.stream.bindings.alerts-in-0.group=incident-service",
                        "oncallhq.consumer-lag.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ConsumerLagGauges.class));
    }
}
