package io.oncallhq.console.signin;

import io.oncallhq.console.ConsolePageTest;
import io.oncallhq.console.StubbedServices;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static io.oncallhq.console.SignedIn.session;
import static io.oncallhq.console.StubbedServices.ADMIN_TOKEN;
import static io.oncallhq.console.StubbedServices.RESPONDER_TOKEN;
import static io.oncallhq.console.StubbedServices.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SigningInTest extends ConsolePageTest {

    @Test
    void eachTokenIsWhomAndWhatTheServicesSayItIs() throws Exception {
        assertThat(signedInAs(VIEWER_TOKEN)).contains("Vic Viewer (viewer)");
        assertThat(signedInAs(RESPONDER_TOKEN)).contains("Sam Lee (responder)");
        assertThat(signedInAs(ADMIN_TOKEN)).contains("admin (admin)");
    }

    @Test
    void aTokenTheServicesDoNotAcceptSignsNobodyInAndSaysWhy() throws Exception {
        MvcResult refused = mvc.perform(post("/sign-in").with(csrf()).param("token", "not-a-token"))
                .andExpect(redirectedUrl("/sign-in?error")).andReturn();
        MockHttpSession session = (MockHttpSession) refused.getRequest().getSession();

        String page = mvc.perform(get("/sign-in").session(session)).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/incidents").session(session)).andExpect(redirectedUrl("/sign-in"));
        assertThat(page).contains("The services do not accept this token.");
    }

    @Test
    void signingInWhileIncidentServiceIsDownSaysSo() throws Exception {
        StubbedServices.server().resetAll(); // every call now answers 404 without a stub: make it a server error
        StubbedServices.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/sign-in").with(csrf())
                .param("token", RESPONDER_TOKEN)).andReturn().getRequest().getSession();

        assertThat(mvc.perform(get("/sign-in").session(session)).andReturn().getResponse().getContentAsString())
                .contains("incident-service is not answering");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/sign-in").param("token", ADMIN_TOKEN)).andExpect(status().isForbidden());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MockHttpSession session = session(mvc, RESPONDER_TOKEN);

        mvc.perform(post("/sign-out").with(csrf()).session(session)).andExpect(redirectedUrl("/sign-in?signed-out"));

        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/incidents").session(session)).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void pagesForbidInlineScriptsAndFraming() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Content-Security-Policy", ConsoleSecurity.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(ConsoleSecurity.CONTENT_SECURITY_POLICY).contains("script-src 'self';").doesNotContain("unsafe");
    }

    @Test
    void theTokenNeverReachesTheBrowser() throws Exception {
        MockHttpSession session = session(mvc, ADMIN_TOKEN);

        String page = mvc.perform(get("/incidents").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("admin (admin)").doesNotContain(ADMIN_TOKEN);
    }

    private String signedInAs(String token) throws Exception {
        MockHttpSession session = session(mvc, token);
        return mvc.perform(get("/incidents").session(session)).andReturn().getResponse().getContentAsString();
    }
}
