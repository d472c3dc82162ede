package io.oncallhq.serviceruntime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * One full collection once the service is ready. A start leaves objects it no longer needs in the old generation
 * (about 25 MB in notification-service: bean definitions, parsed configuration, reflection data held by soft
 * references), and the serial collector of a local run grows the old generation at young collections rather than
 * collect it until the heap reaches {@code -Xmx}, so they would stay resident for the life of the process. With
 * {@code -XX:MaxHeapFreeRatio} and {@code -XX:-ShrinkHeapInSteps} the collector gives the freed part back at once
 * ({@code bench/run.sh startup}). The collection runs on a thread of its own, so readiness does not wait for it, but it
 * stops the service while it runs (about 0.12 s in notification-service); {@code -XX:+DisableExplicitGC} turns it off.
 */
@AutoConfiguration
public class CollectionAfterStartAutoConfiguration {

    @Bean
    ApplicationListener<ApplicationReadyEvent> collectionAfterStart() {
        return ready -> Thread.ofPlatform().daemon().name("collection-after-start").start(System::gc);
    }
}
