package io.oncallhq.notification.config;

import io.oncallhq.apisecurity.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/** Who may call what: Slack's endpoints are open, each request is checked against the signing secret instead. */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.rules()
                .open(POST, "/slack/commands", "/slack/interactions")
                .viewer(GET, "/actuator/prometheus", "/actuator/info");
    }
}
