package io.oncallhq.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services answer and how long the console waits for them.
 *
 * @param incidentServicePublicUrl incident-service as people's calendar apps reach it (the iCal feeds)
 * @param alertIngestPublicUrl     alert-ingest as monitoring systems reach it (the URLs to paste into them)
 * @param callTimeout     how long one call to a service may take before its part of the page says it is down
 * @param refreshInterval how often an open incidents list asks for changes
 * @param oidc            sign-in through an OIDC provider; off while {@code issuerUri} is blank
 */
@ConfigurationProperties("console")
public record ConsoleProperties(URI incidentServiceUrl, URI alertIngestUrl, URI postmortemServiceUrl,
                                URI incidentServicePublicUrl, URI alertIngestPublicUrl,
                                Duration callTimeout, Duration refreshInterval, Oidc oidc) {

    public record Oidc(String issuerUri, String clientId, String clientSecret) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
