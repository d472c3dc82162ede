package io.oncallhq.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.oncallhq.apisecurity.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock stand-in for incident-service's catalogue: every service is unknown unless a test says otherwise, and a
 * known one is found only when asked with the service token.
 */
final class IncidentServiceStandIn {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    IncidentServiceStandIn() {
        server.start();
        server.stubFor(get(urlPathMatching("/services/.*")).willReturn(notFound()));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void hasService(String serviceId) {
        server.stubFor(get(urlEqualTo("/services/" + serviceId)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.SERVICE))
                .willReturn(okJson("{\"id\":\"" + serviceId + "\",\"name\":\"" + serviceId + "\"}")));
    }

    /** Asking about this service drops the connection: incident-service is unreachable. */
    void unreachableFor(String serviceId) {
        server.stubFor(get(urlEqualTo("/services/" + serviceId)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }
}
