package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoTest {

    @TempDir
    Path dir;

    @Test
    void keepsDataInItsFileAcrossRestarts() {
        Path file = dir.resolve("mongo/mongo.mv");
        try (LocalMongo mongo = LocalMongo.start(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("incidents"))) {
            incidents(client).insertOne(new Document("_id", "inc-1").append("title", "Checkout latency"));
        }

        try (LocalMongo mongo = LocalMongo.start(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("incidents"))) {
            assertThat(incidents(client).find(new Document("_id", "inc-1")).first())
                    .containsEntry("title", "Checkout latency");
        }
    }

    @Test
    void uniqueIndexRejectsDuplicates() {
        try (LocalMongo mongo = LocalMongo.start(null, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("incidents"))) {
            MongoCollection<Document> incidents = incidents(client);
            incidents.createIndex(Indexes.ascending("dedupKey"), new IndexOptions().unique(true));
            incidents.insertOne(new Document("dedupKey", "checkout-latency"));

            assertThatExceptionOfType(MongoWriteException.class)
                    .isThrownBy(() -> incidents.insertOne(new Document("dedupKey", "checkout-latency")))
                    .satisfies(e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    @Test
    void answersTheHelloHandshakeLikeMongoDb() {
        try (LocalMongo mongo = LocalMongo.start(null, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("incidents"))) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello).containsEntry("isWritablePrimary", true).containsKey("maxWireVersion");
        }
    }

    private static MongoCollection<Document> incidents(MongoClient client) {
        return client.getDatabase("incidents").getCollection("incidents");
    }
}
