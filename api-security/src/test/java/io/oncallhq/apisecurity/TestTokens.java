package io.oncallhq.apisecurity;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.HexFormat;
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
        registry.add("oncallhq.security.api-token", () -> ADMIN);
        registry.add("oncallhq.security.service-api-token", () -> SERVICE);
        register(registry, 0, "it-viewer", Role.VIEWER, VIEWER);
        register(registry, 1, "it-responder", Role.RESPONDER, RESPONDER);
    }

    private static void register(DynamicPropertyRegistry registry, int index, String name, Role role, String token) {
        String prefix = "oncallhq.security.api-tokens[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "role", role::name);
        registry.add(prefix + "sha256", () -> HexFormat.of().formatHex(StaticApiTokens.sha256(token)));
    }

    /**
     * A personal responder token for each of these responder ids (named after them), after the tokens of
     * {@link #register(DynamicPropertyRegistry)}; {@link #of} gives each one's token.
     */
    public static void registerResponders(DynamicPropertyRegistry registry, String... responderIds) {
        for (int i = 0; i < responderIds.length; i++) {
            String responderId = responderIds[i];
            register(registry, 2 + i, responderId, Role.RESPONDER, of(responderId));
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
