package io.oncallhq.postmortem.comments;

import io.oncallhq.postmortem.document.EditingPostmortems;
import io.oncallhq.postmortem.document.UnknownSectionException;
import io.oncallhq.postmortem.identity.ActingUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Comments on sections (collection {@value #COLLECTION}); plain records, no rules beyond "the section exists". */
@RestController
@RequestMapping("/postmortems/{id}")
class CommentController {

    static final String COLLECTION = "comments";

    private final EditingPostmortems editing;
    private final MongoTemplate mongo;
    private final ActingUser acting;
    private final Clock clock;

    CommentController(EditingPostmortems editing, MongoTemplate mongo, ActingUser acting, Clock clock) {
        this.editing = editing;
        this.mongo = mongo;
        this.acting = acting;
        this.clock = clock;
    }

    @Operation(summary = "Comment on a section")
    @PostMapping("/sections/{section}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentResponse add(@PathVariable String id, @PathVariable String section,
                        @Valid @RequestBody CommentRequest request) {
        if (editing.get(id).section(section).isEmpty()) {
            throw new UnknownSectionException(id, section);
        }
        Comment comment = new Comment(UUID.randomUUID().toString(), id, section, acting.current(), request.text(),
                clock.instant());
        mongo.insert(comment, COLLECTION);
        return CommentResponse.of(comment);
    }

    @Operation(summary = "The post-mortem's comments, oldest first, optionally of one section")
    @GetMapping("/comments")
    List<CommentResponse> list(@PathVariable String id, @RequestParam(required = false) String section) {
        editing.get(id);
        Criteria criteria = where("postmortemId").is(id);
        if (section != null) {
            criteria.and("section").is(section);
        }
        return mongo.find(new Query(criteria).with(Sort.by("at", "_id")), Comment.class, COLLECTION).stream()
                .map(CommentResponse::of).toList();
    }

    record CommentRequest(@NotBlank @Size(max = 5_000) String text) {
    }

    record CommentResponse(String id, String section, String by, String text, Instant at) {

        static CommentResponse of(Comment comment) {
            return new CommentResponse(comment.id(), comment.section(), comment.by(), comment.text(), comment.at());
        }
    }
}
