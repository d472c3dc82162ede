package io.oncallhq.postmortem;

import io.oncallhq.postmortem.config.PostmortemProperties;
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
import java.util.List;

/**
 * Editing (If-Match required) and the review workflow (If-Match optional). Who acts is what {@link ActingUser}
 * says (the bearer token's owner; a body naming one is refused before it gets here); who may take which step is the
 * aggregate's {@link ReviewRoles}.
 */
@RestController
@RequestMapping("/postmortems/{id}")
class ReviewController {

    private final EditingPostmortems editing;
    private final ActionItems actionItems;
    private final PostmortemProperties properties;
    private final ActingUser acting;

    ReviewController(EditingPostmortems editing, ActionItems actionItems, PostmortemProperties properties,
                     ActingUser acting) {
        this.editing = editing;
        this.actionItems = actionItems;
        this.properties = properties;
        this.acting = acting;
    }

    @Operation(summary = "Rewrite one section; needs If-Match with the ETag read; a published post-mortem starts a new draft revision")
    @PatchMapping("/sections/{section}")
    ResponseEntity<PostmortemResponse> editSection(@PathVariable String id, @PathVariable String section,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SectionEditRequest request) {
        return answer(editing.editSection(id, Etags.expectedVersion(ifMatch, id), section, request.text(), acting.current()));
    }

    @Operation(summary = "Rename the post-mortem; needs If-Match")
    @PatchMapping("/title")
    ResponseEntity<PostmortemResponse> retitle(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TitleEditRequest request) {
        return answer(editing.retitle(id, Etags.expectedVersion(ifMatch, id), request.title(), acting.current()));
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

    @Operation(summary = "draft → in_review")
    @PostMapping("/submit")
    ResponseEntity<PostmortemResponse> submit(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReviewRequest request) {
        return answer(editing.submit(id, optionalVersion(ifMatch, id), acting.current()));
    }

    @Operation(summary = "in_review → draft, with the changes the reviewer asks for")
    @PostMapping("/request-changes")
    ResponseEntity<PostmortemResponse> requestChanges(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReviewRequest request) {
        return answer(editing.requestChanges(id, optionalVersion(ifMatch, id), acting.current(),
                request == null ? null : request.comment()));
    }

    @Operation(summary = "in_review → published: the revision becomes an immutable version")
    @PostMapping("/publish")
    ResponseEntity<PostmortemResponse> publish(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) ReviewRequest request) {
        return answer(editing.publish(id, optionalVersion(ifMatch, id), acting.current()));
    }

    @Operation(summary = "Mark when the impact ended: a timeline entry (eventId) or a time (at); needs If-Match")
    @PutMapping("/mitigation")
    ResponseEntity<PostmortemResponse> markMitigation(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MitigationRequest request) {
        return answer(editing.markMitigation(id, Etags.expectedVersion(ifMatch, id), request.eventId(), request.at(),
                acting.current()));
    }

    @Operation(summary = "Assign the reviewers (responder ids); by the author or a member of the incident's team")
    @PutMapping("/reviewers")
    ResponseEntity<PostmortemResponse> assignReviewers(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReviewersRequest request) {
        return answer(editing.assignReviewers(id, optionalVersion(ifMatch, id), request.reviewers(),
                acting.current()));
    }

    @Operation(summary = "Set the author (a responder id); by the author or a member of the incident's team")
    @PutMapping("/author")
    ResponseEntity<PostmortemResponse> assignAuthor(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AuthorRequest request) {
        return answer(editing.assignAuthor(id, optionalVersion(ifMatch, id), request.author(), acting.current()));
    }

    private ResponseEntity<PostmortemResponse> answer(Postmortem postmortem) {
        return ResponseEntity.ok().eTag(Etags.of(postmortem.version())).body(PostmortemResponse.of(postmortem,
                actionItems.ofPostmortem(postmortem.id()), properties.incidentUrl(postmortem.incidentId())));
    }

    private static Long optionalVersion(String ifMatch, String id) {
        return ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch, id);
    }

    record SectionEditRequest(@NotNull @Size(max = 20_000) String text) {
    }

    record TitleEditRequest(@NotBlank @Size(max = 300) String title) {
    }

    record TimelineMarkRequest(Boolean hidden, Boolean highlighted, @Size(max = 2_000) String annotation) {
    }

    record TimelineEntryRequest(@NotNull Instant at, @NotBlank @Size(max = 2_000) String text) {
    }

    record MitigationRequest(@Size(max = 200) String eventId, Instant at) {
    }

    record ReviewersRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> reviewers) {
    }

    record AuthorRequest(@NotBlank @Size(max = 200) String author) {
    }

    /**
     * A review step's optional body: request-changes reads the comment; submit and publish read it too, so that a body
     * naming who acts is refused there as everywhere.
     */
    record ReviewRequest(@Size(max = 5_000) String comment) {
    }
}
