package io.oncallhq.postmortem.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The service's own settings ({@code postmortem.*} in application.yml).
 *
 * @param incidentServiceUrl   the base of incident links for people, such as {@code http://localhost:8082}
 * @param incidentServiceApiUrl where this service itself reaches incident-service (team lookups); the same as
 *                             {@code incidentServiceUrl} unless the two differ, as inside Docker Compose
 * @param publicUrl            this service's own base URL, for post-mortem links in events
 * @param listLimit            how many post-mortems a list returns when the client names no limit
 * @param overdueCheckInterval how often open action items are checked for passed due dates
 * @param teamLookupTimeout    how long asking incident-service who belongs to a team may take, connect and read each
 * @param changesLookback      how long before an incident began the changes to its service are listed in its
 *                             post-mortem (those made while it was open always are)
 * @param changesLimit         how many changes a post-mortem lists at most: the latest of its window, so that a tool
 *                             reporting every build does not bury the few that matter
 */
@Validated
@ConfigurationProperties("postmortem")
public record PostmortemProperties(@NotBlank String incidentServiceUrl, @NotBlank String incidentServiceApiUrl,
                                   @NotBlank String publicUrl,
                                   @Min(1) @Max(200) int listLimit, @NotNull Duration overdueCheckInterval,
                                   @NotNull Duration teamLookupTimeout, @NotNull Duration changesLookback,
                                   @Min(1) @Max(500) int changesLimit) {

    public String incidentUrl(String incidentId) {
        return withSlash(incidentServiceUrl) + "incidents/" + incidentId;
    }

    public String postmortemUrl(String postmortemId) {
        return withSlash(publicUrl) + "postmortems/" + postmortemId;
    }

    private static String withSlash(String base) {
        return base.endsWith("/") ? base : base + "/";
    }
}
