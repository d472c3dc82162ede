package io.oncallhq.incident.configascode;

import io.oncallhq.incident.config.ApiClients;
import io.oncallhq.incident.coverage.GapResponse;
import io.oncallhq.incident.configascode.OnCallDiff.Action;
import io.oncallhq.incident.configascode.OnCallDiff.Change;
import io.oncallhq.incident.configascode.OnCallDiff.FieldChange;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** On-call configuration as code: one YAML document applied idempotently, or only compared with {@code dryRun}. */
@RestController
class OnCallConfigController {

    private final ApplyingOnCallConfig applying;

    OnCallConfigController(ApplyingOnCallConfig applying) {
        this.applying = applying;
    }

    /**
     * @param dryRun only answer what applying would change
     * @param prune  also delete the stored objects the document does not hold (default: leave them alone)
     */
    @PostMapping(value = "/oncall-config", consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ApplyResponse apply(@RequestBody String yaml, @RequestParam(defaultValue = "false") boolean dryRun,
                        @RequestParam(defaultValue = "false") boolean prune) {
        OnCallConfigDocument document = OnCallConfigYaml.parse(yaml);
        List<Change> changes = applying.apply(document, dryRun, prune, ApiClients.currentName());
        return new ApplyResponse(dryRun, prune, new Summary(count(changes, Action.CREATED),
                count(changes, Action.CHANGED), count(changes, Action.UNCHANGED), count(changes, Action.DELETED)),
                changes.stream().map(change -> new ChangeResponse(change.kind(), change.id(),
                        change.action().name().toLowerCase(Locale.ROOT), change.fields())).toList(),
                applying.coverageGaps(document, prune));
    }

    private static long count(List<Change> changes, Action action) {
        return changes.stream().filter(change -> change.action() == action).count();
    }

    /**
     * @param changes  every object of the document, and with {@code prune} every stored one it lacks
     * @param warnings the coverage gaps the document leaves in the next 4 weeks (also in a dry run); a warning, not
     *                 a fault: the document is applied all the same
     */
    record ApplyResponse(boolean dryRun, boolean prune, Summary summary, List<ChangeResponse> changes,
                         List<GapResponse> warnings) {
    }

    record Summary(long created, long changed, long unchanged, long deleted) {
    }

    /**
     * @param action {@code created}, {@code changed}, {@code unchanged} or {@code deleted}
     * @param fields for {@code changed}: each changed field with its stored and its new value
     */
    record ChangeResponse(String kind, String id, String action, List<FieldChange> fields) {
    }
}
