package io.oncallhq.postmortem.review;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The review workflow (If-Match optional): author and reviewers, submit, request changes, publish. Who acts is what
 * {@link ActingUser} says (the bearer token's owner; a body naming one is refused before it gets here); who may take
 * which step is the aggregate's {@link ReviewRoles}.
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
