package io.oncallhq.incident.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param incidentServiceUrl the base of incident links in pages ({@code INCIDENT_SERVICE_URL}) */
@ConfigurationProperties("incident.paging")
public record PagingProperties(String incidentServiceUrl) {

    String incidentUrl(String incidentId) {
        String base = incidentServiceUrl.endsWith("/") ? incidentServiceUrl.substring(0, incidentServiceUrl.length() - 1)
                : incidentServiceUrl;
        return base + "/incidents/" + incidentId;
    }
}
