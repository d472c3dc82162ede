package io.oncallhq.apisecurity;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** One token of each role for the services' integration tests, registered as the service's static API tokens. */
public final class TestTokens {

    public static final String VIEWER = "it-viewer-token";
    public static final String RESPONDER = "it-responder-token";
    public static final String ADMIN = "it-admin-token";
    /** The name {@link #ADMIN} acts as: what its writes are credited to. */
    public static final String ADMIN_NAME = StaticApiTokens.LOCAL_ADMIN;
    /** What a service under test sends when it calls another one. */
    public static final String SERVICE = "it-service-token";

    private TestTokens() {
    }

    /** The admin token as {@code API_TOKEN} (acting as {@code admin}); viewer and responder as hashed tokens. */
    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * {@link #register} for a context initializer: test classes that declare the same initializers share one cached
     * context, where a {@code @DynamicPropertySource} method of each class would make a context per class.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(properties()).applyTo(context);
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oncallhq.security.api-token", ADMIN);
        properties.put("oncallhq.security.service-api-token", SERVICE);
        properties.putAll(token(0, "it-viewer", Role.VIEWER, VIEWER));
        properties.putAll(token(1, "it-responder", Role.RESPONDER, RESPONDER));
        return properties;
    }

    private static Map<String, String> token(int index, String name, Role role, String token) {
        String prefix = "oncallhq.security.api-tokens[" + index + "].";
        return Map.of(prefix + "name", name, prefix + "role", role.name(),
                prefix + "sha256", HexFormat.of().formatHex(StaticApiTokens.sha256(token)));
    }

    /**
     * A personal responder token for each of these responder ids (named after them), after the tokens of
     * {@link #register(DynamicPropertyRegistry)}; {@link #of} gives each one's token.
     */
    public static void registerResponders(DynamicPropertyRegistry registry, String... responderIds) {
        for (int i = 0; i < responderIds.length; i++) {
            String responderId = responderIds[i];
            token(2 + i, responderId, Role.RESPONDER, of(responderId))
                    .forEach((name, value) -> registry.add(name, () -> value));
            registry.add("oncallhq.security.api-tokens[" + (2 + i) + "].responder-id", () -> responderId);
        }
    }

    /** The personal token of a responder registered with {@link #registerResponders}. */
    public static String of(String responderId) {
        return "it-token-of-" + responderId;
    }

    /** A token of each role, for {@link OpenApiWalk#check}. */
    public static Map<Role, String> byRole() {
        return Map.of(Role.VIEWER, VIEWER, Role.RESPONDER, RESPONDER, Role.ADMIN, ADMIN);
    }
}
