package io.oncallhq.console.signin;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With {@code OIDC_ISSUER_URI}: the provider's sign-in, authorization code with PKCE, and no token form. */
@SpringBootTest
@AutoConfigureMockMvc
class OidcSignInTest {

    private static final WireMockServer ISSUER = new WireMockServer(options().dynamicPort());

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        ISSUER.start();
        String issuer = ISSUER.baseUrl();
        ISSUER.stubFor(WireMock.get("/.well-known/openid-configuration").willReturn(WireMock.okJson("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(issuer))));
        properties.add("console.oidc.issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop();
    }

    @Test
    void signingInGoesToTheProviderWithAPkceChallenge() throws Exception {
        String signIn = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
        String location = mvc.perform(get("/oauth2/authorization/oidc")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();

        UriComponents redirect = UriComponentsBuilder.fromUriString(location).build();
        assertThat(signIn).contains("Sign in with your organisation").doesNotContain("name=\"token\"");
        assertThat(location).startsWith(ISSUER.baseUrl() + "/authorize");
        assertThat(redirect.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(redirect.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(redirect.getQueryParams().getFirst("code_challenge")).isNotBlank();
        assertThat(redirect.getQueryParams().getFirst("scope")).contains("openid");
    }

    @Test
    void theTokenFormIsOffWhileTheProviderSignsPeopleIn() throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("token", "any-token")).andExpect(status().isMethodNotAllowed());
    }
}
