package io.oncallhq.postmortem.actionitems;

import io.oncallhq.postmortem.actionitems.TrackingActionItems.ActionItemFields;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** A post-mortem's action items, and the list across post-mortems (by team, owner, status, overdue). */
@RestController
class ActionItemController {

    private static final String PRIORITY = "high|medium|low";
    private static final String STATUS = "open|done|wont_do";

    private final TrackingActionItems tracking;
    private final ActionItems actionItems;
    private final Clock clock;

    ActionItemController(TrackingActionItems tracking, ActionItems actionItems, Clock clock) {
        this.tracking = tracking;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    @Operation(summary = "Action items across post-mortems; overdue=true keeps open items past their due date")
    @GetMapping("/action-items")
    List<ActionItemResponse> search(@RequestParam(required = false) String teamId,
                                    @RequestParam(required = false) String owner,
                                    @RequestParam(required = false) @Pattern(regexp = STATUS) String status,
                                    @RequestParam(defaultValue = "false") boolean overdue,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return actionItems.matching(teamId, owner, status == null ? null : ActionItemStatus.valueOf(upper(status)),
                overdue ? today : null, limit).stream().map(ActionItemResponse::of).toList();
    }

    @GetMapping("/postmortems/{id}/action-items")
    List<ActionItemResponse> list(@PathVariable String id) {
        return tracking.of(id).stream().map(ActionItemResponse::of).toList();
    }

    @GetMapping("/postmortems/{id}/action-items/{itemId}")
    ActionItemResponse get(@PathVariable String id, @PathVariable String itemId) {
        return ActionItemResponse.of(tracking.get(id, itemId));
    }

    @PostMapping("/postmortems/{id}/action-items")
    @ResponseStatus(HttpStatus.CREATED)
    ActionItemResponse add(@PathVariable String id, @Valid @RequestBody NewActionItemRequest request) {
        return ActionItemResponse.of(tracking.add(id, new ActionItemFields(request.title(), request.owner(),
                request.dueDate(), priority(request.priority()), status(request.status()), request.issueUrl())));
    }

    @Operation(summary = "Change an action item; fields left out keep their value")
    @PatchMapping("/postmortems/{id}/action-items/{itemId}")
    ActionItemResponse change(@PathVariable String id, @PathVariable String itemId,
                              @Valid @RequestBody ActionItemChangeRequest request) {
        return ActionItemResponse.of(tracking.change(id, itemId, new ActionItemFields(request.title(), request.owner(),
                request.dueDate(), priority(request.priority()), status(request.status()), request.issueUrl())));
    }

    @DeleteMapping("/postmortems/{id}/action-items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id, @PathVariable String itemId) {
        tracking.remove(id, itemId);
    }

    private static ActionItemPriority priority(String priority) {
        return priority == null ? null : ActionItemPriority.valueOf(upper(priority));
    }

    private static ActionItemStatus status(String status) {
        return status == null ? null : ActionItemStatus.valueOf(upper(status));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    record NewActionItemRequest(@NotBlank @Size(max = 300) String title, @Size(max = 100) String owner,
                                LocalDate dueDate, @Pattern(regexp = PRIORITY) String priority,
                                @Pattern(regexp = STATUS) String status,
                                @Pattern(regexp = "https?://\\S+") @Size(max = 2000) String issueUrl) {
    }

    record ActionItemChangeRequest(@Size(min = 1, max = 300) String title, @Size(max = 100) String owner,
                                   LocalDate dueDate, @Pattern(regexp = PRIORITY) String priority,
                                   @Pattern(regexp = STATUS) String status,
                                   @Pattern(regexp = "https?://\\S+") @Size(max = 2000) String issueUrl) {
    }
}
