package io.oncallhq.postmortem.search;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.Postmortems;
import io.oncallhq.postmortem.review.PostmortemStatus;
import io.oncallhq.postmortem.template.Template;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Filters post-mortems, newest first, a page at a time. The cursor is the last item's (createdAt, id), so pages
 * stay stable while new post-mortems arrive. Text is matched as a literal, case-insensitive substring of the
 * title or the summary (a quoted regex: MongoDB's {@code $text} is not available everywhere this runs).
 */
@Component
class PostmortemSearch {

    private final MongoTemplate mongo;

    PostmortemSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Filter(String serviceId, String teamId, Severity severity, PostmortemStatus status, Instant from,
                  Instant to, String text) {
    }

    record Page(List<Postmortem> items, String nextCursor) {
    }

    Page find(Filter filter, String cursor, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (filter.serviceId() != null) {
            all.add(where("facts.serviceId").is(filter.serviceId()));
        }
        if (filter.teamId() != null) {
            all.add(where("facts.teamId").is(filter.teamId()));
        }
        if (filter.severity() != null) {
            all.add(where("facts.severity").is(filter.severity()));
        }
        if (filter.status() != null) {
            all.add(where("status").is(filter.status()));
        }
        if (filter.from() != null) {
            all.add(where("facts.startedAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            all.add(where("facts.startedAt").lt(filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(filter.text().strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(where("facts.title").regex(literal), where("editedTitle").regex(literal),
                    where("content").elemMatch(where("key").is(Template.SUMMARY).and("text").regex(literal))));
        }
        decode(cursor).ifPresent(after -> all.add(new Criteria().orOperator(
                where("createdAt").lt(after.createdAt()),
                where("createdAt").is(after.createdAt()).and("_id").lt(after.id()))));
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(limit + 1);
        List<Postmortem> found = mongo.find(query, Postmortem.class, Postmortems.COLLECTION);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Postmortem> page = found.subList(0, limit);
        return new Page(page, encode(page.getLast()));
    }

    private record Position(Instant createdAt, String id) {
    }

    private static String encode(Postmortem last) {
        String position = last.createdAt().toEpochMilli() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Position> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = position.indexOf(':');
            return Optional.of(new Position(Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))),
                    position.substring(colon + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
