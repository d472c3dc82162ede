package io.oncallhq.incident;

import io.oncallhq.apisecurity.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** MockMvc requests carry the test admin token unless a test sets its own {@code Authorization}. */
@TestConfiguration(proxyBeanMethods = false)
public class AsAdmin {

    @Bean
    MockMvcBuilderCustomizer adminToken() {
        return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ADMIN));
    }
}
