package io.oncallhq.notification.paging;

import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stored team channel messages (collection {@value #COLLECTION}, {@code _id} = incident id), written through the
 * outbox writer, which also remembers the events each took in. They cause no events.
 */
@Component
public class TeamChannelMessages {

    public static final String COLLECTION = "team_channel_messages";

    private final MongoTemplate mongo;
    private final OutboxWriter<TeamChannelMessage, Stored> writer;

    TeamChannelMessages(MongoTemplate mongo, OutboxWriters writers) {
        this.mongo = mongo;
        this.writer = writers.of(Stored.class, Stored::of, EventRoutes.NONE);
    }

    public Optional<TeamChannelMessage> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, Stored.class)).map(Stored::toAggregate);
    }

    /** False when the incident has its message already (the incident id is the {@code _id}). */
    boolean insert(TeamChannelMessage message) {
        return writer.insert(message, List.of());
    }

    /**
     * Loads, changes and saves the message, if the incident has one. The change may run again on a fresh copy after a
     * concurrent write, so it must only act on the message it is given.
     */
    void update(String incidentId, Function<TeamChannelMessage, Change<TeamChannelMessage>> change) {
        writer.update(incidentId, change);
    }

    /** {@link #update}, once per event: a redelivered event is skipped. */
    void updateOnce(String incidentId, String eventId,
                    Function<TeamChannelMessage, Change<TeamChannelMessage>> change) {
        writer.updateOnce(incidentId, eventId, change);
    }

    /** Whether the incident's message took the event in (an incident event, or a level paging nobody). */
    boolean hasTaken(String incidentId, String eventId) {
        return writer.hasApplied(incidentId, eventId);
    }

    /**
     * {@code eventsTaken} is null in documents stored before it was counted, which kept every event id instead
     * ({@code processedEventIds}): it counts them once.
     */
    @Document(COLLECTION)
    record Stored(@Id String id, String channelId, Page firstPage, List<Paged> paged, SentPage sent,
                  int shownPaged, int shownEvents, PageState state, Integer eventsTaken, List<OutboxMessage> outbox,
                  List<String> appliedEventIds, List<String> processedEventIds, @Version Long version)
            implements OutboxDocument<TeamChannelMessage> {

        static Stored of(TeamChannelMessage message, OutboxFields fields) {
            return new Stored(message.incidentId(), message.channelId(), message.firstPage(), message.paged(),
                    message.sent(), message.shownPaged(), message.shownEvents(), message.state(),
                    message.eventsTaken(), fields.outbox(), fields.appliedEventIds(), null, fields.version());
        }

        @Override
        public TeamChannelMessage toAggregate() {
            return new TeamChannelMessage(id, channelId, firstPage, paged, sent, shownPaged, shownEvents,
                    state == null ? PageState.OPEN : state, eventsTaken != null ? eventsTaken
                    : processedEventIds == null ? 0 : processedEventIds.size());
        }
    }
}
