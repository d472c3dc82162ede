package io.oncallhq.apisecurity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of a running service's own OpenAPI document with no token and with a token of each role,
 * and checks the answers against the role the test expects for the operation (empty: open, it has its own secret).
 * Path variables get placeholders and bodies are {@code {}}: an allowed call may well answer 400 or 404, and an open
 * one 401 for an unknown integration key; only a 401 or 403 with a {@code WWW-Authenticate: Bearer} challenge is the
 * bearer-token check speaking.
 */
public final class OpenApiWalk {

    /** One operation of the document, e.g. {@code POST /incidents/{id}/acknowledge}. */
    public record Operation(String method, String path, String contentType) {
        String placeholderPath() {
            return path.replaceAll("\\{([^}]+)}", "placeholder-$1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public OpenApiWalk(URI base) {
        this.base = base;
    }

    /** Every operation in {@code /v3/api-docs}, fetched from the running service. */
    public List<Operation> operations() throws IOException, InterruptedException {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as("the OpenAPI document is served without a token").isEqualTo(200);
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : JSON.readTree(docs.body()).get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode content = operation.getValue().path("requestBody").path("content");
                String contentType = content.isObject() && !content.isEmpty()
                        ? content.propertyNames().iterator().next() : null;
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), contentType));
            }
        }
        return operations;
    }

    /**
     * @param required the least role each operation of the service should need, empty for an open one; {@code GET /me},
     *                 which this module gives every service, needs a viewer token everywhere
     * @param tokens   a token of each role
     */
    public void check(List<Operation> operations, Function<Operation, Optional<Role>> required,
                      Map<Role, String> tokens) throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            Optional<Role> least = operation.path().equals("/me") ? Optional.of(Role.VIEWER) : required.apply(operation);
            expect(wrong, operation, "no token", null, least.isPresent() ? List.of(401) : List.of(), least.isEmpty());
            for (Role role : Role.values()) {
                boolean allowed = least.map(needed -> role.compareTo(needed) >= 0).orElse(true);
                expect(wrong, operation, "a " + role + " token", tokens.get(role), allowed ? List.of() : List.of(403), allowed);
            }
        }
        assertThat(wrong).as("operations whose answer does not match their role").isEmpty();
    }

    private void expect(List<String> wrong, Operation operation, String who, String token, List<Integer> expected,
                        boolean allowed) throws IOException, InterruptedException {
        HttpResponse<Void> answer = send(operation, token);
        int status = answer.statusCode();
        boolean denied = (status == 401 || status == 403)
                && answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer");
        boolean right = allowed ? !denied : denied && expected.contains(status);
        if (!right) {
            wrong.add(operation + " with " + who
                    + " answered " + status + (allowed ? ", expected it allowed" : ", expected " + expected));
        }
    }

    private HttpResponse<Void> send(Operation operation, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(operation.placeholderPath()));
        boolean hasBody = operation.contentType() != null;
        request.method(operation.method(), hasBody
                ? HttpRequest.BodyPublishers.ofString(operation.contentType().contains("json") ? "{}" : "x: 1")
                : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            request.header("Content-Type", operation.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
