package io.oncallhq.postmortem.document;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItems;
import io.oncallhq.postmortem.config.PostmortemProperties;
import io.oncallhq.postmortem.export.MarkdownExport;
import io.oncallhq.postmortem.identity.ActingUser;
import io.oncallhq.postmortem.review.PublishedVersion;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Reading post-mortems (JSON, or Markdown for {@code Accept: text/markdown}) and their published versions; editing
 * their text, sections and title (If-Match required). Who edits is what {@link ActingUser} says.
 */
@RestController
@RequestMapping("/postmortems")
class PostmortemController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final Postmortems postmortems;
    private final EditingPostmortems editing;
    private final ActionItems actionItems;
    private final PostmortemProperties properties;
    private final ActingUser acting;

    PostmortemController(Postmortems postmortems, EditingPostmortems editing, ActionItems actionItems,
                         PostmortemProperties properties, ActingUser acting) {
        this.postmortems = postmortems;
        this.editing = editing;
        this.actionItems = actionItems;
        this.properties = properties;
        this.acting = acting;
    }

    @Operation(summary = "List post-mortems: the one of an incident, or the newest first")
    @GetMapping
    List<PostmortemResponse> list(@RequestParam(required = false) String incidentId,
                                  @RequestParam(required = false) @Min(1) @Max(200) Integer limit) {
        List<Postmortem> found = incidentId != null
                ? postmortems.findByIncidentId(incidentId).stream().toList()
                : postmortems.newest(limit == null ? properties.listLimit() : limit);
        return found.stream().map(postmortem -> response(postmortem, actionItems.ofPostmortem(postmortem.id()))).toList();
    }

    @Operation(summary = "One post-mortem, with its version as ETag; Markdown for Accept: text/markdown")
    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable String id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Postmortem postmortem = editing.get(id);
        String etag = Etags.of(postmortem.version());
        ResponseEntity<?> answer = answer(postmortem, actionItems.ofPostmortem(id), accept);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).eTag(etag).body(answer.getBody());
    }

    @Operation(summary = "The published versions of a post-mortem, oldest first")
    @GetMapping("/{id}/versions")
    List<VersionSummary> versions(@PathVariable String id) {
        return editing.get(id).publishedVersions().stream().map(published -> new VersionSummary(published.number(),
                published.title(), published.publishedAt(), published.publishedBy())).toList();
    }

    @Operation(summary = "One published version as it was published; Markdown for Accept: text/markdown")
    @GetMapping("/{id}/versions/{number}")
    ResponseEntity<?> version(@PathVariable String id, @PathVariable int number,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Postmortem current = editing.get(id);
        PublishedVersion published = current.publishedVersion(number)
                .orElseThrow(() -> new PostmortemNotFoundException(id + " version " + number));
        return answer(current.asPublished(published), published.actionItems(), accept);
    }

    @Operation(summary = "Rewrite one section; needs If-Match with the ETag read; a published post-mortem starts a new draft revision")
    @PatchMapping("/{id}/sections/{section}")
    ResponseEntity<PostmortemResponse> editSection(@PathVariable String id, @PathVariable String section,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SectionEditRequest request) {
        return edited(editing.editSection(id, Etags.expectedVersion(ifMatch, id), section, request.text(), acting.current()));
    }

    @Operation(summary = "Rename the post-mortem; needs If-Match")
    @PatchMapping("/{id}/title")
    ResponseEntity<PostmortemResponse> retitle(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TitleEditRequest request) {
        return edited(editing.retitle(id, Etags.expectedVersion(ifMatch, id), request.title(), acting.current()));
    }

    private ResponseEntity<PostmortemResponse> edited(Postmortem postmortem) {
        return ResponseEntity.ok().eTag(Etags.of(postmortem.version()))
                .body(response(postmortem, actionItems.ofPostmortem(postmortem.id())));
    }

    /** JSON, or Markdown when the client prefers it. */
    private ResponseEntity<?> answer(Postmortem postmortem, List<ActionItem> items, String accept) {
        String incidentUrl = properties.incidentUrl(postmortem.incidentId());
        return wantsMarkdown(accept)
                ? ResponseEntity.ok().contentType(MARKDOWN).body(MarkdownExport.render(postmortem, items, incidentUrl))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(PostmortemResponse.of(postmortem, items, incidentUrl));
    }

    private PostmortemResponse response(Postmortem postmortem, List<ActionItem> items) {
        return PostmortemResponse.of(postmortem, items, properties.incidentUrl(postmortem.incidentId()));
    }

    /** Markdown only when the client prefers it to JSON; anything else, no header included, gets JSON. */
    static boolean wantsMarkdown(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                return true;
            }
        }
        return false;
    }

    record SectionEditRequest(@NotNull @Size(max = 20_000) String text) {
    }

    record TitleEditRequest(@NotBlank @Size(max = 300) String title) {
    }

    record VersionSummary(int number, String title, Instant publishedAt, String publishedBy) {
    }
}
