package io.oncallhq.console.services;

import io.oncallhq.console.config.ConsoleProperties;
import io.oncallhq.console.signin.SignedInPeople;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

/** The four services' APIs, called as the person signed in to the current request (or with a token at sign-in). */
@Component
public class ServiceCalls {

    /** A field a service leaves out (an older version of it) reads as empty rather than failing the page. */
    private static final JsonMapper TOLERANT_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final SignedInPeople people;

    ServiceCalls(ConsoleProperties properties, SignedInPeople people) {
        this.people = people;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.callTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.callTimeout());
        clients.put(Service.INCIDENTS, client(requests, properties.incidentServiceUrl()));
        clients.put(Service.ALERT_INGEST, client(requests, properties.alertIngestUrl()));
        clients.put(Service.POSTMORTEMS, client(requests, properties.postmortemServiceUrl()));
    }

    /** The service's API as the person signed in to this request. */
    public ServiceApi to(Service service) {
        return new ServiceApi(service, clients.get(service), people::currentBearerToken);
    }

    /** The service's API with a token that belongs to no session yet (signing in). */
    public ServiceApi to(Service service, String bearerToken) {
        return new ServiceApi(service, clients.get(service), () -> bearerToken);
    }

    private static RestClient client(JdkClientHttpRequestFactory requests, URI baseUrl) {
        return RestClient.builder().requestFactory(requests).baseUrl(baseUrl.toString())
                .configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(
                        new JacksonJsonHttpMessageConverter(TOLERANT_JSON)))
                .build();
    }
}
