package io.oncallhq.ingest.config;

import io.oncallhq.apisecurity.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what. The senders' endpoints are open: the integration key in the path (or the routing key in the
 * body, for {@code /v2/enqueue} and {@code /v2/change/enqueue}) is their secret. The admin API under
 * {@code /integrations} shares the prefix but never the shape: {@code {key}} is followed by a sender's format or
 * {@code heartbeat} alone, an admin route by {@code keys} or {@code heartbeat/<action>}, or by nothing.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.rules()
                .open(POST, "/integrations/*/generic", "/integrations/*/alertmanager", "/integrations/*/grafana",
                        "/integrations/*/heartbeat", "/integrations/*/explain", "/v2/enqueue",
                        "/v2/change/enqueue")
                .open(PUT, "/integrations/*/grafana")
                .open(GET, "/integrations/*/heartbeat")
                .admin(GET, "/integrations", "/integrations/*", "/integrations/*/heartbeat/settings")
                .admin(POST, "/integrations", "/integrations/*/keys", "/integrations/*/heartbeat/pause",
                        "/integrations/*/heartbeat/resume")
                .admin(PUT, "/integrations/*/heartbeat/settings")
                .admin(PATCH, "/integrations/*")
                .admin(DELETE, "/integrations/*", "/integrations/*/keys/*")
                .viewer(GET, "/actuator/prometheus", "/actuator/info");
    }
}
