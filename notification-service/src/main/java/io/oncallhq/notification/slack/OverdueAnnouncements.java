package io.oncallhq.notification.slack;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The overdue action items announced (collection {@value #COLLECTION}, {@code _id} = the event id). */
@Component
class OverdueAnnouncements {

    static final String COLLECTION = "overdue_announcements";

    private final MongoTemplate mongo;

    OverdueAnnouncements(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean announced(String eventId) {
        return mongo.findById(eventId, Announcement.class) != null;
    }

    void record(String eventId, String actionItemId, String where, Instant at) {
        try {
            mongo.insert(new Announcement(eventId, actionItemId, where, at));
        } catch (DuplicateKeyException alreadyThere) {
            // a concurrent redelivery recorded it first
        }
    }

    @Document(COLLECTION)
    record Announcement(@Id String eventId, String actionItemId, String where, Instant announcedAt) {
    }
}
