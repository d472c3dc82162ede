package io.oncallhq.notification.paging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The stored team channel messages (collection {@value #COLLECTION}, {@code _id} = incident id). */
@Component
public class TeamChannelMessages {

    public static final String COLLECTION = "team_channel_messages";
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;

    TeamChannelMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<TeamChannelMessage> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, Stored.class)).map(Stored::toMessage);
    }

    /** False when the incident has its message already (the incident id is the {@code _id}). */
    boolean insert(String incidentId, TeamChannelMessage message) {
        try {
            mongo.insert(Stored.of(incidentId, message, null));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Loads, changes and saves the message; the change returns false to save nothing. It may run again on a fresh
     * copy after a concurrent write, so it must only act on the message it is given.
     */
    void update(String incidentId, Predicate<TeamChannelMessage> change) {
        for (int attempt = 1; ; attempt++) {
            Stored stored = mongo.findById(incidentId, Stored.class);
            if (stored == null) {
                return;
            }
            TeamChannelMessage message = stored.toMessage();
            if (!change.test(message)) {
                return;
            }
            try {
                mongo.save(Stored.of(incidentId, message, stored.version()));
                return;
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    @Document(COLLECTION)
    record Stored(@Id String incidentId, String channelId, Page firstPage, List<Paged> paged, SentPage sent,
                  int shownPaged, int shownEvents, PageState state, List<String> processedEventIds, @Version Long version) {

        static Stored of(String incidentId, TeamChannelMessage message, Long version) {
            return new Stored(incidentId, message.channelId(), message.firstPage(), message.paged(), message.sent(),
                    message.shownPaged(), message.shownEvents(), message.state(), message.processedEventIds(), version);
        }

        TeamChannelMessage toMessage() {
            return new TeamChannelMessage(channelId, firstPage, paged, sent, shownPaged, shownEvents,
                    state == null ? PageState.OPEN : state, processedEventIds == null ? List.of() : processedEventIds);
        }
    }
}
