package io.oncallhq.console.services;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One service's REST API, called with a person's bearer token. A service that does not answer (or answers 5xx) is a
 * {@link ServiceDownException}, a 4xx a {@link ServiceRefusedException} with the service's own explanation.
 */
public final class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Service service;
    private final RestClient client;
    private final Supplier<String> bearerToken;

    ServiceApi(Service service, RestClient client, Supplier<String> bearerToken) {
        this.service = service;
        this.client = client;
        this.bearerToken = bearerToken;
    }

    public Service service() {
        return service;
    }

    public <T> T get(Class<T> type, String path, Object... variables) {
        return call(client -> client.get().uri(path, variables), response -> response.body(type));
    }

    public <T> T get(ParameterizedTypeReference<T> type, String path, Object... variables) {
        return call(client -> client.get().uri(path, variables), response -> response.body(type));
    }

    /** {@code GET path?name=value...}, leaving out blank values. */
    public <T> T get(ParameterizedTypeReference<T> type, String path, Map<String, String> query, Object... variables) {
        return call(client -> client.get().uri(builder -> {
            builder.path(path);
            // Values as variables, which are encoded whole: a '+' in a cursor would otherwise arrive as a space.
            List<Object> values = new ArrayList<>(Arrays.asList(variables));
            query.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    builder.queryParam(name, "{" + name + "}");
                    values.add(value);
                }
            });
            return builder.build(values.toArray());
        }), response -> response.body(type));
    }

    /** The document in another representation than JSON (a post-mortem as Markdown). */
    public String getText(MediaType accept, String path, Object... variables) {
        return call(client -> client.get().uri(path, variables).accept(accept), response -> response.body(String.class));
    }

    public JsonNode post(String path, Object body, Object... variables) {
        return write(HttpMethod.POST, path, null, body, variables);
    }

    /** @param ifMatch the version the change was made against; null for resources without versions */
    public JsonNode patch(String path, String ifMatch, Object body, Object... variables) {
        return write(HttpMethod.PATCH, path, ifMatch, body, variables);
    }

    public JsonNode put(String path, Object body, Object... variables) {
        return write(HttpMethod.PUT, path, null, body, variables);
    }

    /**
     * A JSON write (a missing body sent as {@code {}}).
     *
     * @param ifMatch the version the change was made against; null for resources without versions
     */
    public JsonNode write(HttpMethod method, String path, String ifMatch, Object body, Object... variables) {
        return call(client -> client.method(method).uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.setIfMatch(ifMatch);
                    }
                }).body(body == null ? Map.of() : body), response -> response.body(JsonNode.class));
    }

    public void delete(String path, Object... variables) {
        call(client -> client.delete().uri(path, variables), RestClient.ResponseSpec::toBodilessEntity);
    }

    /** The request as built, with the person's token added to it (the shared client carries nobody's token). */
    private <T> T call(Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
                       Function<RestClient.ResponseSpec, T> read) {
        try {
            RestClient.ResponseSpec response = request.apply(client)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken.get()).retrieve();
            return read.apply(response
                    .onStatus(HttpStatusCode::is5xxServerError, (req, res) -> {
                        throw new ServiceDownException(service);
                    })
                    .onStatus(HttpStatusCode::is4xxClientError, (req, res) -> {
                        String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        throw new ServiceRefusedException(service, res.getStatusCode().value(), detailOf(body), body);
                    }));
        } catch (ResourceAccessException e) {
            throw new ServiceDownException(service);
        }
    }

    /** A problem's detail (or title), with each field at fault, as the service worded it. */
    static String detailOf(String problemBody) {
        try {
            JsonNode problem = JSON.readTree(problemBody);
            String detail = problem.path("detail").asString(problem.path("title").asString("refused"));
            JsonNode errors = problem.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                detail += ": " + errors.valueStream()
                        .map(error -> error.path("field").asString("") + " " + error.path("message").asString(""))
                        .map(String::strip).collect(Collectors.joining("; "));
            }
            return detail;
        } catch (RuntimeException notJson) {
            return "refused";
        }
    }
}
