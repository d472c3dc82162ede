package io.oncallhq.serviceruntime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * One full collection once the service is ready. Its start promotes tens of megabytes that outlive a few young
 * collections and then die (bean definitions, parsed configuration, reflection data) into the old generation, and the
 * serial collector of a local run grows the old generation rather than collect it until the heap reaches
 * {@code -Xmx}: without this collection they stay resident for the life of the process. With
 * {@code -XX:MaxHeapFreeRatio} and {@code -XX:-ShrinkHeapInSteps} the collector also gives the freed part back at once
 * ({@code bench/run.sh startup}). It runs beside the service, which takes traffic meanwhile;
 * {@code -XX:+DisableExplicitGC} turns it off.
 */
@AutoConfiguration
public class CollectionAfterStartAutoConfiguration {

    @Bean
    ApplicationListener<ApplicationReadyEvent> collectionAfterStart() {
        return ready -> Thread.ofPlatform().daemon().name("collection-after-start").start(System::gc);
    }
}
