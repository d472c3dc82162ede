package io.oncallhq.postmortem.config;

import io.oncallhq.apisecurity.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: viewers read; responders write post-mortems (sections, timeline, review steps, comments,
 * action items); a team's template is configuration, so admin. Nothing is open here.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.rules()
                .viewer(GET, "/postmortems", "/postmortems/**", "/action-items", "/metrics/review",
                        "/teams/*/template", "/actuator/prometheus", "/actuator/info")
                .responder(POST, "/postmortems/**")
                .responder(PATCH, "/postmortems/**")
                .responder(PUT, "/postmortems/**")
                .responder(DELETE, "/postmortems/**")
                .admin(PUT, "/teams/*/template");
    }
}
