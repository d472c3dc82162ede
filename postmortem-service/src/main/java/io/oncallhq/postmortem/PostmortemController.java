package io.oncallhq.postmortem;

import io.oncallhq.postmortem.config.PostmortemProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Reading post-mortems: JSON, or Markdown for {@code Accept: text/markdown}; and their published versions. */
@RestController
@RequestMapping("/postmortems")
class PostmortemController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final Postmortems postmortems;
    private final EditingPostmortems editing;
    private final ActionItems actionItems;
    private final PostmortemProperties properties;

    PostmortemController(Postmortems postmortems, EditingPostmortems editing, ActionItems actionItems,
                         PostmortemProperties properties) {
        this.postmortems = postmortems;
        this.editing = editing;
        this.actionItems = actionItems;
        this.properties = properties;
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

    record VersionSummary(int number, String title, Instant publishedAt, String publishedBy) {
    }
}
