package io.oncallhq.incident.config;

import io.oncallhq.apisecurity.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: viewers read everything (the other services read with their service token); responders act on
 * incidents; admins change on-call configuration (teams, services, responders, schedules, on-call config as code)
 * and silences. Nothing is open here. A schedule's iCal feed also takes the viewer token as {@code ?access_token=}:
 * calendar apps subscribe to a URL and cannot send an Authorization header.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.rules()
                .viewer(GET, "/incidents", "/incidents/*", "/incidents/*/alerts", "/teams", "/teams/*", "/services",
                        "/services/*", "/services/*/coverage", "/responders", "/responders/*", "/schedules", "/schedules/**",
                        "/silences", "/silences/*", "/metrics/response", "/actuator/prometheus", "/actuator/info")
                .viewerWithQueryToken("/schedules/*/ical")
                .responder(POST, "/incidents", "/incidents/*/acknowledge", "/incidents/*/resolve",
                        "/incidents/*/escalate", "/incidents/*/reassign", "/incidents/*/reopen",
                        "/incidents/*/severity", "/incidents/*/priority", "/incidents/*/notes")
                .admin(PUT, "/teams/*", "/services/*", "/responders/*", "/schedules/*")
                .admin(DELETE, "/teams/*", "/responders/*", "/silences/*")
                .admin(POST, "/oncall-config", "/silences");
    }
}
