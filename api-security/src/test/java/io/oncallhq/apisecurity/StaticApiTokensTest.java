package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticApiTokensTest {

    private static String sha256Hex(String token) {
        return HexFormat.of().formatHex(StaticApiTokens.sha256(token));
    }

    private static StaticApiTokens tokens(String apiToken, ApiSecurityProperties.ConfiguredToken... configured) {
        return StaticApiTokens.from(new ApiSecurityProperties(null, apiToken, null, List.of(configured), null, null));
    }

    @Test
    void aTokenIsKnownByTheHashOfItsValue() {
        StaticApiTokens tokens = tokens(null,
                new ApiSecurityProperties.ConfiguredToken("grafana-dashboard", Role.VIEWER, sha256Hex("s3cret-viewer"), null));

        assertThat(tokens.match("s3cret-viewer"))
                .contains(new StaticApiTokens.Caller("grafana-dashboard", Role.VIEWER, null));
    }

    @Test
    void theHashMayBeWrittenInUpperCaseWithSurroundingSpace() {
        StaticApiTokens tokens = tokens(null, new ApiSecurityProperties.ConfiguredToken("ops", Role.RESPONDER,
                " " + sha256Hex("token").toUpperCase() + "\n", null));

        assertThat(tokens.match("token")).map(StaticApiTokens.Caller::role).contains(Role.RESPONDER);
    }

    @Test
    void aWrongTokenIsRefusedEvenWhenItDiffersOnlyInItsLastCharacterOrIsTheHashItself() {
        String hash = sha256Hex("s3cret-viewer");
        StaticApiTokens tokens = tokens(null, new ApiSecurityProperties.ConfiguredToken("dash", Role.VIEWER, hash, null));

        assertThat(tokens.match("s3cret-viewes")).isEmpty();
        assertThat(tokens.match(hash)).isEmpty();
        assertThat(tokens.match("")).isEmpty();
    }

    @Test
    void thePlainApiTokenOfTheLocalRunActsAsAdmin() {
        StaticApiTokens tokens = tokens("local-run-token");

        assertThat(tokens.match("local-run-token")).contains(new StaticApiTokens.Caller("admin", Role.ADMIN, null));
        assertThat(tokens.match("local-run-token ")).isEmpty();
    }

    @Test
    void noConfiguredTokenMatchesNothing() {
        StaticApiTokens tokens = tokens(" ");

        assertThat(tokens.isEmpty()).isTrue();
        assertThat(tokens.match(" ")).isEmpty();
    }

    @Test
    void aTokenWithoutAHashStopsTheStartRatherThanMatchingAnything() {
        assertThatThrownBy(() -> tokens(null, new ApiSecurityProperties.ConfiguredToken("ops", Role.ADMIN, null, null)))
                .hasMessageContaining("sha256");
    }

    @Test
    void aPersonalTokenBelongsToItsResponderAndOneWithoutAResponderIdToASystem() {
        StaticApiTokens tokens = tokens(null,
                new ApiSecurityProperties.ConfiguredToken("Alex Rivera", Role.RESPONDER, sha256Hex("alex-token"), "alex"),
                new ApiSecurityProperties.ConfiguredToken("ci-pipeline", Role.RESPONDER, sha256Hex("ci-token"), " "));

        assertThat(tokens.match("alex-token")).contains(new StaticApiTokens.Caller("Alex Rivera", Role.RESPONDER, "alex"));
        assertThat(tokens.match("ci-token")).contains(new StaticApiTokens.Caller("ci-pipeline", Role.RESPONDER, null));
    }

    @Test
    void aPersonalTokenBindsFromEnvironmentVariablesAsTheLocalRunAndComposeSetThem() {
        Map<String, Object> environment = Map.of(
                "ONCALLHQ_SECURITY_APITOKENS_0_NAME", "Alex Rivera",
                "ONCALLHQ_SECURITY_APITOKENS_0_ROLE", "responder",
                "ONCALLHQ_SECURITY_APITOKENS_0_RESPONDERID", "alex",
                "ONCALLHQ_SECURITY_APITOKENS_0_SHA256", sha256Hex("alex-token"));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));

        ApiSecurityProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("oncallhq.security", ApiSecurityProperties.class).get();

        assertThat(StaticApiTokens.from(properties).match("alex-token"))
                .contains(new StaticApiTokens.Caller("Alex Rivera", Role.RESPONDER, "alex"));
    }

    @Test
    void oneTokenConfiguredForTwoOwnersStopsTheStartNamingBoth() {
        assertThatThrownBy(() -> tokens("shared",
                new ApiSecurityProperties.ConfiguredToken("Alex Rivera", Role.RESPONDER, sha256Hex("shared"), "alex")))
                .hasMessageContaining("'Alex Rivera' and 'admin' have the same token");
    }

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        assertThat(Role.ADMIN.grantedAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER", "ROLE_RESPONDER", "ROLE_ADMIN");
        assertThat(Role.VIEWER.grantedAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        assertThat(Role.named(" Responder")).contains(Role.RESPONDER);
        assertThat(Role.named("superuser")).isEmpty();
    }
}
