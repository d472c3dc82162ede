package io.oncallhq.apisecurity;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who acts comes from the bearer token, never from the body: a JSON body of an authenticated request that names an
 * actor ({@value #BY} or {@value #ACTOR} at its top level) is refused with 400 before anything binds it, so a client
 * that believes it acts for someone learns that it does not. Open routes (webhooks, Slack) are not authenticated by a
 * bearer token and are left alone: their payloads belong to the sender.
 */
@ControllerAdvice
final class ActorFieldRefusal extends RequestBodyAdviceAdapter {

    static final String BY = "by";
    static final String ACTOR = "actor";
    private static final Set<String> ACTOR_FIELDS = Set.of(BY, ACTOR);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        if (ApiCaller.current().isEmpty() || type == null || !isJson(type)) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        ACTOR_FIELDS.stream().filter(field -> hasTopLevelField(body, field)).findFirst().ifPresent(field -> {
            throw new ActorFieldInBodyException(field);
        });
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
    }

    /** Malformed JSON is the converter's to refuse, with its usual answer. */
    private static boolean hasTopLevelField(byte[] body, String field) {
        try {
            JsonNode tree = JSON.readTree(body);
            return tree != null && tree.isObject() && tree.has(field);
        } catch (JacksonException e) {
            return false;
        }
    }

    /** 400 problem+json through the service's own problem handler, naming the field like a validation problem. */
    static final class ActorFieldInBodyException extends ErrorResponseException {

        ActorFieldInBodyException(String field) {
            super(HttpStatus.BAD_REQUEST, problem(field), null);
        }

        private static ProblemDetail problem(String field) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid"
                    + " fields: who acts comes from the bearer token, so a body may not name it ('" + field + "').");
            problem.setTitle("Bad Request");
            problem.setProperty("errors", List.of(Map.of("field", field, "message",
                    "is not accepted: the request acts as the bearer token's owner; use that person's own token")));
            return problem;
        }
    }
}
