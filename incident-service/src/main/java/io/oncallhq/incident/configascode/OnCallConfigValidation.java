package io.oncallhq.incident.configascode;

import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.directory.KnownIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every fault of a document, each with its path ({@code responders[alex].timeZoneKnown},
 * {@code services[checkout-api].escalationPolicy.levels[0].scheduleIds[0]}): the field rules of the REST API,
 * then every reference. A reference may point into the document or, unless the document is applied with prune
 * (which deletes everything it does not hold), to an object already stored.
 */
final class OnCallConfigValidation {

    private OnCallConfigValidation() {
    }

    static List<FieldProblem> problems(OnCallConfigDocument document, Validator validator, KnownIds stored,
                                       boolean prune) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(document).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString()))
                .forEach(violation -> problems.add(new FieldProblem(path(violation), violation.getMessage())));
        KnownIds known = new KnownIds() {
            @Override
            public boolean hasResponder(String id) {
                return document.responders().containsKey(id) || !prune && stored.hasResponder(id);
            }

            @Override
            public boolean hasTeam(String id) {
                return document.teams().containsKey(id) || !prune && stored.hasTeam(id);
            }

            @Override
            public boolean hasSchedule(String id) {
                return document.schedules().containsKey(id) || !prune && stored.hasSchedule(id);
            }
        };
        problems.addAll(references("teams", document.teams(), (path, team) -> team.referenceProblems(path, known)));
        problems.addAll(references("schedules", document.schedules(),
                (path, schedule) -> schedule.referenceProblems(path, known)));
        problems.addAll(references("services", document.services(),
                (path, service) -> service.referenceProblems(path, known)));
        return problems;
    }

    /** {@code teams<K>[pay ments].} (a fault of a map key) becomes {@code teams[pay ments]}. */
    private static String path(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace("<K>", "").replace("<map key>", "");
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }

    private static <T> List<FieldProblem> references(String section, Map<String, T> entries,
                                                     BiFunction<String, T, List<FieldProblem>> check) {
        List<FieldProblem> problems = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry != null) {
                problems.addAll(check.apply(section + "[" + id + "].", entry));
            }
        });
        return problems;
    }
}
