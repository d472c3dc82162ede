package io.oncallhq.postmortem.timeline;

import io.oncallhq.postmortem.actionitems.ActionItems;
import io.oncallhq.postmortem.config.PostmortemProperties;
import io.oncallhq.postmortem.document.EditingPostmortems;
import io.oncallhq.postmortem.document.Etags;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.PostmortemResponse;
import io.oncallhq.postmortem.identity.ActingUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Curating the generated timeline (hide, highlight, annotate, add entries) and marking the mitigation; edits, so
 * If-Match is required. Who acts is what {@link ActingUser} says.
 */
@RestController
@RequestMapping("/postmortems/{id}")
class TimelineController {

    private final EditingPostmortems editing;
    private final ActionItems actionItems;
    private final PostmortemProperties properties;
    private final ActingUser acting;

    TimelineController(EditingPostmortems editing, ActionItems actionItems, PostmortemProperties properties,
                       ActingUser acting) {
        this.editing = editing;
        this.actionItems = actionItems;
        this.properties = properties;
        this.acting = acting;
    }

    @Operation(summary = "Hide, highlight or annotate a generated timeline entry (fields left out keep their value); needs If-Match")
    @PatchMapping("/timeline/{eventId}")
    ResponseEntity<PostmortemResponse> markTimelineEntry(@PathVariable String id, @PathVariable String eventId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TimelineMarkRequest request) {
        return answer(editing.markTimelineEntry(id, Etags.expectedVersion(ifMatch, id), eventId, request.hidden(),
                request.highlighted(), request.annotation(), acting.current()));
    }

    @Operation(summary = "Add an entry of your own to the timeline; needs If-Match")
    @PostMapping("/timeline")
    ResponseEntity<PostmortemResponse> addTimelineEntry(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TimelineEntryRequest request) {
        return answer(editing.addTimelineEntry(id, Etags.expectedVersion(ifMatch, id), request.at(), request.text(),
                acting.current()));
    }

    @Operation(summary = "Mark when the impact ended: a timeline entry (eventId) or a time (at); needs If-Match")
    @PutMapping("/mitigation")
    ResponseEntity<PostmortemResponse> markMitigation(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MitigationRequest request) {
        return answer(editing.markMitigation(id, Etags.expectedVersion(ifMatch, id), request.eventId(), request.at(),
                acting.current()));
    }

    private ResponseEntity<PostmortemResponse> answer(Postmortem postmortem) {
        return ResponseEntity.ok().eTag(Etags.of(postmortem.version())).body(PostmortemResponse.of(postmortem,
                actionItems.ofPostmortem(postmortem.id()), properties.incidentUrl(postmortem.incidentId())));
    }

    record TimelineMarkRequest(Boolean hidden, Boolean highlighted, @Size(max = 2_000) String annotation) {
    }

    record TimelineEntryRequest(@NotNull Instant at, @NotBlank @Size(max = 2_000) String text) {
    }

    record MitigationRequest(@Size(max = 200) String eventId, Instant at) {
    }
}
