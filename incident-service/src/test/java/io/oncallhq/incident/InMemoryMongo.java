package io.oncallhq.incident;

import io.oncallhq.localruntime.LocalMongo;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Gives a test's application context its own in-memory MongoDB-wire server as {@code spring.mongodb.uri} (database
 * {@code incidents}), for {@code @ContextConfiguration(initializers = InMemoryMongo.class)}. The server lives exactly
 * as long as the context, however long the test framework caches and shares it.
 */
public class InMemoryMongo implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        LocalMongo mongo = LocalMongo.start(null, 0);
        TestPropertyValues.of("spring.mongodb.uri=" + mongo.connectionString("incidents")).applyTo(context);
        // As the context's first bean it is closed (AutoCloseable) after every bean that may still write to it.
        context.registerBean(LocalMongo.class, () -> mongo);
    }
}
