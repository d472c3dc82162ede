package io.oncallhq.postmortem.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own settings ({@code postmortem.*} in application.yml).
 *
 * @param incidentServiceUrl the base of incident links, such as {@code http://localhost:8082}
 * @param listLimit          how many post-mortems a list returns when the client names no limit
 */
@Validated
@ConfigurationProperties("postmortem")
public record PostmortemProperties(@NotBlank String incidentServiceUrl, @Min(1) @Max(200) int listLimit) {

    public String incidentUrl(String incidentId) {
        String base = incidentServiceUrl.endsWith("/") ? incidentServiceUrl : incidentServiceUrl + "/";
        return base + "incidents/" + incidentId;
    }
}
