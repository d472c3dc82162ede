package io.oncallhq.console;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Signs in through the real form, so the session holds what a browser's would. */
public final class SignedIn {

    private SignedIn() {
    }

    public static MockHttpSession session(MockMvc mvc, String token) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in").with(csrf()).param("token", token))
                .andReturn().getRequest().getSession(false);
    }
}
