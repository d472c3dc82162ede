package io.oncallhq.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.incident.NoteAdded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

class OutboxWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String COLLECTION = "notebooks";
    private static final String BINDING = "incidents-out-0";
    private static final int ATTEMPTS = 3;
    private static final int KEPT = 3;
    private static final EventRoutes ROUTES = new EventRoutes(event -> BINDING,
            event -> ((NoteAdded) event).occurredAt());

    private final CloudEventCodec codec = new CloudEventCodec("outbox-test");
    private final List<Message<byte[]>> published = new CopyOnWriteArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private SavesCounted mongo;

    /** The aggregate: plain Java, as the services' are. */
    static final class Notebook {

        private final String id;
        private final List<String> notes;

        Notebook(String id, List<String> notes) {
            this.id = id;
            this.notes = new ArrayList<>(notes);
        }

        NoteAdded write(String text) {
            notes.add(text);
            return new NoteAdded(id, Actor.responder("r-1", "Alex"), text, NOW);
        }
    }

    @Document(COLLECTION)
    record NotebookDocument(@Id String id, List<String> notes, List<OutboxMessage> outbox,
                            List<String> appliedEventIds, List<String> processedEventIds, @Version Long version)
            implements OutboxDocument<Notebook> {

        static NotebookDocument of(Notebook notebook, OutboxFields fields) {
            return new NotebookDocument(notebook.id, notebook.notes, fields.outbox(), fields.appliedEventIds(), null,
                    fields.version());
        }

        @Override
        public Notebook toAggregate() {
            return new Notebook(id, notes);
        }
    }

    /** Counts the saves, to show that state, events and applied ids leave in one. */
    static final class SavesCounted extends MongoTemplate {

        final AtomicInteger saves = new AtomicInteger();

        SavesCounted(MongoClient client) {
            super(client, "outbox_writer_test");
        }

        @Override
        public <T> T save(T objectToSave) {
            saves.incrementAndGet();
            return super.save(objectToSave);
        }
    }

    @BeforeEach
    void startDatabase() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        mongo = new SavesCounted(client);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void savesStateEventsAndTheAppliedIdInOneVersionedWrite() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());
        long before = stored("n-1").version();

        Written<Notebook> written = writer.updateOnce("n-1", "event-1",
                notebook -> Change.changed(notebook.write("rolled back"))).orElseThrow();

        assertThat(written.saved()).isTrue();
        assertThat(written.events()).singleElement().isInstanceOf(NoteAdded.class);
        assertThat(mongo.saves).hasValue(1);
        NotebookDocument after = stored("n-1");
        assertThat(after.version()).isEqualTo(before + 1);
        assertThat(after.notes()).containsExactly("rolled back");
        assertThat(after.appliedEventIds()).containsExactly("event-1");
        assertThat(after.outbox()).singleElement().satisfies(message -> {
            assertThat(message.binding()).isEqualTo(BINDING);
            assertThat(message.time()).isEqualTo(NOW);
            assertThat(message.data()).contains("rolled back");
        });
    }

    @Test
    void aReplacementIsSavedInsteadOfTheAggregateGivenToTheChange() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of("draft")), List.of());
        Notebook next = new Notebook("n-1", List.of("final"));

        Written<Notebook> written = writer.updateOnce("n-1", "event-1", notebook -> Change.replacedBy(next))
                .orElseThrow();

        assertThat(stored("n-1").notes()).containsExactly("final");
        assertThat(stored("n-1").appliedEventIds()).containsExactly("event-1");
        assertThat(written.saved()).isTrue();
        assertThat(written.aggregate()).isSameAs(next);
    }

    @Test
    void aReplacementWithAnotherIdIsRefusedBeforeAnythingIsWritten() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());
        writer.insert(new Notebook("n-2", List.of()), List.of()); // at the same version: a save would overwrite it
        Notebook other = new Notebook("n-2", List.of());
        NoteAdded added = other.write("misplaced");

        assertThatThrownBy(() -> writer.update("n-1", notebook -> Change.replacedBy(other, added)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notebooks n-1 returned the state of n-2");
        assertThat(mongo.saves).hasValue(0);
        assertThat(stored("n-1").notes()).isEmpty();
        assertThat(stored("n-2").notes()).isEmpty();
        assertThat(stored("n-2").outbox()).isEmpty();
    }

    @Test
    void theEventsOfAReplacementGoToTheOutboxWithIt() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());

        Written<Notebook> written = writer.update("n-1", notebook -> {
            Notebook next = new Notebook(notebook.id, notebook.notes);
            return Change.replacedBy(next, next.write("rolled back"));
        }).orElseThrow();

        assertThat(written.events()).singleElement().isInstanceOf(NoteAdded.class);
        assertThat(stored("n-1").notes()).containsExactly("rolled back");
        assertThat(stored("n-1").outbox()).singleElement()
                .satisfies(message -> assertThat(message.data()).contains("rolled back"));
    }

    @Test
    void anEventAppliedBeforeIsSkippedWithoutAskingTheChange() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());
        AtomicInteger asked = new AtomicInteger();
        writer.updateOnce("n-1", "event-1", notebook -> {
            asked.incrementAndGet();
            return Change.changed(notebook.write("rolled back"));
        });
        NotebookDocument once = stored("n-1");

        Written<Notebook> again = writer.updateOnce("n-1", "event-1", notebook -> {
            asked.incrementAndGet();
            return Change.changed(notebook.write("rolled back"));
        }).orElseThrow();

        assertThat(again.saved()).isFalse();
        assertThat(asked).hasValue(1);
        assertThat(stored("n-1")).isEqualTo(once);
        assertThat(writer.hasApplied("n-1", "event-1")).isTrue();
    }

    @Test
    void aChangeThatChangesNothingSavesNothingAndLeavesTheEventToItsRedelivery() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());

        Written<Notebook> written = writer.updateOnce("n-1", "event-1", notebook -> Change.unchanged()).orElseThrow();

        assertThat(written.saved()).isFalse();
        assertThat(mongo.saves).hasValue(0);
        assertThat(writer.hasApplied("n-1", "event-1")).isFalse();
    }

    @Test
    void aConflictRunsTheChangeAgainOnAFreshCopy() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());
        AtomicInteger asked = new AtomicInteger();

        writer.update("n-1", notebook -> {
            if (asked.incrementAndGet() == 1) {
                writeConcurrently("n-1", "written elsewhere");
            }
            return Change.changed(notebook.write("ours"));
        });

        assertThat(asked).hasValue(2);
        assertThat(stored("n-1").notes()).containsExactly("written elsewhere", "ours");
        assertThat(stored("n-1").outbox()).hasSize(1);
    }

    @Test
    void aWriteThatKeepsMeetingConflictsGivesUpAfterTheStatedAttempts() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), List.of());
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> writer.update("n-1", notebook -> {
            asked.incrementAndGet();
            writeConcurrently("n-1", "written elsewhere");
            return Change.changed(notebook.write("ours"));
        })).isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(asked).hasValue(ATTEMPTS);
        assertThat(stored("n-1").notes()).doesNotContain("ours");
        assertThat(stored("n-1").outbox()).isEmpty();
    }

    @Test
    void theSaveWakesTheRelay() throws InterruptedException {
        // Neither its retries nor a sweep after the one at start come within the test: only the wake can publish.
        OutboxRelay relay = new OutboxRelay(mongo, (binding, message) -> published.add(message), codec,
                List.of(COLLECTION), "version", Duration.ofHours(1), Duration.ofHours(1));
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay);
        writer.insert(new Notebook("n-1", List.of()), List.of());
        Notebook left = new Notebook("n-0", List.of());
        writer.insert(left, List.of(left.write("left by a crash")));
        relay.start();
        try {
            awaitPublished(1); // the sweep at start is over: what follows is the wake's
            writer.update("n-1", notebook -> Change.changed(notebook.write("rolled back")));
            awaitPublished(2);
        } finally {
            relay.stop();
        }
        assertThat(published).last()
                .satisfies(message -> assertThat(new String(message.getPayload())).contains("rolled back"));
        assertThat(stored("n-1").outbox()).isEmpty();
    }

    @Test
    void onlyTheLastKeptIdsAreRemembered() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        writer.insert(new Notebook("n-1", List.of()), "event-1", List.of());
        for (int event = 2; event <= KEPT + 1; event++) {
            writer.updateOnce("n-1", "event-" + event, notebook -> Change.changed());
        }

        assertThat(stored("n-1").appliedEventIds()).containsExactly("event-2", "event-3", "event-4");
        assertThat(writer.hasApplied("n-1", "event-1")).isFalse();
    }

    @Test
    void documentsStoredBeforeTheWriterBringTheirProcessedIdsBounded() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        mongo.insert(new org.bson.Document("_id", "n-1").append("notes", List.of("old"))
                .append("processedEventIds", List.of("event-1", "event-2", "event-3", "event-4", "event-5"))
                .append("version", 7L), COLLECTION);

        assertThat(writer.hasApplied("n-1", "event-5")).isTrue();
        assertThat(writer.hasApplied("n-1", "event-2")).as("older than the last " + KEPT).isFalse();
        assertThat(writer.updateOnce("n-1", "event-4", notebook -> Change.changed()).orElseThrow().saved()).isFalse();
        writer.updateOnce("n-1", "event-6", notebook -> Change.changed(notebook.write("new")));

        org.bson.Document after = mongo.findById("n-1", org.bson.Document.class, COLLECTION);
        assertThat(after.getList("appliedEventIds", String.class)).containsExactly("event-4", "event-5", "event-6");
        assertThat(after).doesNotContainKey("processedEventIds");
        assertThat(after.getList("notes", String.class)).containsExactly("old", "new");
    }

    @Test
    void insertingStoresOnceAndRecordsTheEventThatMadeTheAggregate() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of(COLLECTION)));
        Notebook notebook = new Notebook("n-1", List.of());
        List<ContractEvent> events = List.of(notebook.write("opened"));

        assertThat(writer.insert(notebook, "event-1", events)).isTrue();
        assertThat(writer.insert(new Notebook("n-1", List.of()), "event-2", List.of())).isFalse();

        assertThat(stored("n-1").outbox()).hasSize(1);
        assertThat(writer.hasApplied("n-1", "event-1")).isTrue();
    }

    @Test
    void eventsForACollectionTheRelayDoesNotWatchAreRefusedBeforeAnythingIsSaved() {
        OutboxWriter<Notebook, NotebookDocument> writer = writer(relay(List.of("elsewhere")));
        writer.insert(new Notebook("n-1", List.of()), List.of());

        assertThatThrownBy(() -> writer.update("n-1", notebook -> Change.changed(notebook.write("lost"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("oncallhq.outbox.collections");
        assertThat(stored("n-1").notes()).isEmpty();
    }

    @Test
    void thereIsNothingToUpdateWithoutADocument() {
        assertThat(writer(relay(List.of(COLLECTION))).update("n-9", notebook -> Change.changed())).isEmpty();
    }

    private void awaitPublished(int count) throws InterruptedException {
        for (int waited = 0; published.size() < count && waited < 100; waited++) {
            Thread.sleep(50);
        }
        assertThat(published).hasSize(count);
    }

    private OutboxWriter<Notebook, NotebookDocument> writer(OutboxRelay relay) {
        return new OutboxWriters(mongo, relay, codec, ATTEMPTS, KEPT)
                .of(NotebookDocument.class, NotebookDocument::of, ROUTES);
    }

    private OutboxRelay relay(List<String> collections) {
        return new OutboxRelay(mongo, (binding, message) -> published.add(message), codec, collections, "version");
    }

    /** Another instance's write, or the relay's removal of sent events: either bumps the version. */
    private void writeConcurrently(String id, String note) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().push("notes", note).inc("version", 1),
                COLLECTION);
    }

    private NotebookDocument stored(String id) {
        return mongo.findById(id, NotebookDocument.class);
    }
}
