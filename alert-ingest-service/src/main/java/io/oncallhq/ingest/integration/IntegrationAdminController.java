package io.oncallhq.ingest.integration;

import io.oncallhq.ingest.intake.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The integrations admin API. Not authenticated yet: the shared security work puts an admin-role check in front
 * of exactly the routes of this class and of {@code HeartbeatAdminController} (and no other), so nothing here
 * knows about callers.
 */
@RestController
@Tag(name = "Integrations admin")
class IntegrationAdminController {

    static final int MAX_NAME_LENGTH = 200;
    private static final String GROUPING = "group: the alerts of one sender group (Alertmanager's and Grafana's groupKey) form one "
            + "incident; alert: each alert is an incident of its own. group only for alertmanager and grafana integrations.";
    private static final String GROUPING_VALUES = "must be group or alert";

    private final ManagingIntegrations managing;

    IntegrationAdminController(ManagingIntegrations managing) {
        this.managing = managing;
    }

    @PostMapping(path = "/integrations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an integration for a service of incident-service's catalogue",
            description = "Answers 201 with the integration and its key. The key is shown only in this answer and is stored hashed.")
    ResponseEntity<WithKeyResponse> create(@RequestBody CreateIntegrationRequest request) {
        CreateIntegrationRequest.Checked checked = request.checked();
        WithKeyResponse created = WithKeyResponse.of(
                managing.create(request.serviceId(), request.name().strip(), checked.type(), checked.grouping()));
        return ResponseEntity.created(URI.create("/integrations/" + created.integration().id())).body(created);
    }

    @GetMapping(path = "/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List integrations (key ids only, never keys)")
    List<IntegrationResponse> list(@RequestParam(required = false) String serviceId) {
        return managing.list(serviceId).stream().map(IntegrationResponse::of).toList();
    }

    @GetMapping(path = "/integrations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    IntegrationResponse get(@PathVariable String id) {
        return IntegrationResponse.of(managing.get(id));
    }

    @PatchMapping(path = "/integrations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an integration's grouping",
            description = "Applies to the alerts received from then on. 400 naming grouping for group on a type that sends no "
                    + "groups; 409 when the integration changed meanwhile (read it again and retry).")
    IntegrationResponse change(@PathVariable String id, @RequestBody ChangeIntegrationRequest request) {
        return IntegrationResponse.of(managing.changeGrouping(id, request.validGrouping()));
    }

    @PostMapping(path = "/integrations/{id}/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate: add a new key; the older keys keep working until revoked",
            description = "The new key is shown only in this answer.")
    WithKeyResponse rotate(@PathVariable String id) {
        return WithKeyResponse.of(managing.rotate(id));
    }

    @DeleteMapping(path = "/integrations/{id}/keys/{keyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke one key; refused (409) for the integration's last key")
    IntegrationResponse revoke(@PathVariable String id, @PathVariable String keyId) {
        return IntegrationResponse.of(managing.revoke(id, keyId));
    }

    @DeleteMapping("/integrations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an integration: its keys stop working at once")
    void delete(@PathVariable String id) {
        managing.delete(id);
    }

    record CreateIntegrationRequest(String serviceId, String name, String type,
                                    @Schema(description = GROUPING + " Default: group for alertmanager and grafana, alert for the others.",
                                            allowableValues = {"group", "alert"}) String grouping) {

        /** @param grouping as asked, or the type's default */
        record Checked(IntegrationType type, Grouping grouping) {
        }

        /** @throws InvalidIntegrationException naming every field at fault */
        Checked checked() {
            List<FieldViolation> violations = new ArrayList<>();
            if (serviceId == null || serviceId.isBlank()) {
                violations.add(new FieldViolation("serviceId", "is required: the id of a service in incident-service"));
            }
            if (name == null || name.isBlank()) {
                violations.add(new FieldViolation("name", "is required"));
            } else if (name.length() > MAX_NAME_LENGTH) {
                violations.add(new FieldViolation("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
            }
            IntegrationType parsed = IntegrationType.parse(type).orElse(null);
            if (parsed == null) {
                violations.add(new FieldViolation("type", "must be one of generic, alertmanager, grafana, pagerduty, heartbeat"));
            }
            Grouping asked = grouping == null ? null : Grouping.parse(grouping).orElse(null);
            if (grouping != null && asked == null) {
                violations.add(new FieldViolation(Grouping.FIELD, GROUPING_VALUES));
            } else if (asked != null && parsed != null && !asked.allowedFor(parsed)) {
                violations.add(Grouping.notAllowedFor(parsed));
            }
            if (!violations.isEmpty()) {
                throw new InvalidIntegrationException(violations);
            }
            return new Checked(parsed, asked == null ? Grouping.defaultFor(parsed) : asked);
        }
    }

    record ChangeIntegrationRequest(@Schema(description = GROUPING, allowableValues = {"group", "alert"},
            requiredMode = Schema.RequiredMode.REQUIRED) String grouping) {

        /** @throws InvalidIntegrationException naming {@code grouping} when it is missing or unknown */
        Grouping validGrouping() {
            return Grouping.parse(grouping).orElseThrow(() ->
                    new InvalidIntegrationException(List.of(new FieldViolation(Grouping.FIELD, GROUPING_VALUES))));
        }
    }

    record KeyResponse(String id, Instant createdAt) {
    }

    record IntegrationResponse(String id, String serviceId, String name, String type,
                               @Schema(description = GROUPING, allowableValues = {"group", "alert"}) String grouping,
                               Instant createdAt, List<KeyResponse> keys) {

        static IntegrationResponse of(Integration integration) {
            return new IntegrationResponse(integration.id(), integration.serviceId(), integration.name(), integration.type().wireName(),
                    integration.grouping().wireName(), integration.createdAt(),
                    integration.keys().stream().map(key -> new KeyResponse(key.id(), key.createdAt())).toList());
        }
    }

    /** @param secret the key to configure in the sender; this is the only time it is shown */
    record NewKeyResponse(String id, String secret, Instant createdAt) {
    }

    record WithKeyResponse(IntegrationResponse integration, NewKeyResponse key) {

        static WithKeyResponse of(ManagingIntegrations.WithNewKey created) {
            IntegrationKey key = created.key().key();
            return new WithKeyResponse(IntegrationResponse.of(created.integration()),
                    new NewKeyResponse(key.id(), created.key().secret(), key.createdAt()));
        }
    }
}
