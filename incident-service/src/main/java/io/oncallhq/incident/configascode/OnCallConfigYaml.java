package io.oncallhq.incident.configascode;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Map;

/**
 * Reads an on-call configuration document with Jackson's YAML support. Unknown fields and duplicate keys are
 * faults (a typo must not be ignored silently); a fault names its path in the document.
 */
final class OnCallConfigYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // an absent repeat is 0, as over REST
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private OnCallConfigYaml() {
    }

    /** @throws InvalidRequestException when the text is no document of the expected shape, or empty */
    static OnCallConfigDocument parse(String yaml) {
        OnCallConfigDocument document;
        try {
            document = isEmpty(yaml) ? null : YAML.readValue(yaml, OnCallConfigDocument.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(new FieldProblem(path(e), e.getOriginalMessage()
                    + location(e))));
        }
        if (document == null || document.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("",
                    "the document is empty: it needs responders, teams, schedules or services")));
        }
        return document;
    }

    /** Blank, or only comments: YAML's empty document. */
    private static boolean isEmpty(String yaml) {
        return yaml == null || yaml.isBlank() || YAML.readTree(yaml).isMissingNode();
    }

    /** {@code services[checkout-api].escalationPolicy.levels[0]}: map keys and indexes in brackets. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.from() instanceof Map<?, ?> || reference.getPropertyName() == null) {
                path.append('[').append(reference.getPropertyName() == null ? String.valueOf(reference.getIndex())
                        : reference.getPropertyName()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
        }
        return path.toString();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
