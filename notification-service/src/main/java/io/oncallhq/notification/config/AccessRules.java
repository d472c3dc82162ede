package io.oncallhq.notification.config;

import io.oncallhq.apisecurity.ApiAccess;
import io.oncallhq.notification.slack.SlackRequestVerification;
import io.oncallhq.notification.slack.SlackSignatureVerifier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

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

    /**
     * Every Slack route is verified over the body's exact bytes, so this filter reads the body before anything else
     * can read it or its form parameters: ahead of api-security's filters and Spring Security's chains. Only the
     * character encoding filter (sets the charset) and the server observation filter (reads the method, path and
     * headers) come first, so a refused request still has its span and its {@code http.server.requests} status.
     */
    @Bean
    FilterRegistrationBean<SlackRequestVerification> slackRequestVerification(
            SlackSignatureVerifier verifier, NotificationProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionHandlers) {
        int maxBodyBytes = Math.toIntExact(properties.slack().maxRequestBody().toBytes());
        FilterRegistrationBean<SlackRequestVerification> registration = new FilterRegistrationBean<>(
                new SlackRequestVerification(verifier, maxBodyBytes, exceptionHandlers));
        registration.addUrlPatterns("/slack/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
