package io.oncallhq.ingest.integration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.oncallhq.localruntime.LocalMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against an in-memory MongoDB-wire server, without Spring. */
class IntegrationsTest {

    private LocalMongo server;
    private MongoClient client;
    private MongoTemplate mongo;
    private Integrations integrations;

    @BeforeEach
    void start() {
        server = LocalMongo.start(null, 0);
        client = MongoClients.create(server.connectionString("alert_ingest"));
        mongo = new MongoTemplate(client, "alert_ingest");
        integrations = new Integrations(mongo, Duration.ofHours(1));
        integrations.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aKeyFindsItsIntegration() {
        integrations.save(IntegrationTest.integrationWithKeys("old-key", "new-key"));

        assertThat(integrations.authenticate("new-key").serviceId()).isEqualTo("checkout-api");
    }

    @Test
    void anUnknownKeyIsRefused() {
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));

        assertThatThrownBy(() -> integrations.authenticate("the-kez"))
                .isInstanceOf(UnknownIntegrationKeyException.class)
                .hasMessageNotContaining("the-kez");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceThoughItWasJustAccepted() {
        integrations.save(IntegrationTest.integrationWithKeys("old-key", "new-key"));
        Integration rotating = integrations.authenticate("old-key");

        integrations.replace(rotating.withoutKey(rotating.keys().getFirst().id()));

        assertThatThrownBy(() -> integrations.authenticate("old-key")).isInstanceOf(UnknownIntegrationKeyException.class);
        assertThat(integrations.authenticate("new-key").id()).isEqualTo(rotating.id());
    }

    @Test
    void aDeletedIntegrationsKeyIsRefusedAtOnce() {
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));
        integrations.authenticate("the-key");

        integrations.delete("checkout-api-generic");

        assertThatThrownBy(() -> integrations.authenticate("the-key")).isInstanceOf(UnknownIntegrationKeyException.class);
    }

    @Test
    void aKeyRevokedThroughOneReplicaIsRefusedByAnotherAfterItsNextCheck() {
        integrations.save(IntegrationTest.integrationWithKeys("old-key", "new-key"));
        Integrations otherReplica = anotherReplica();
        Integration rotating = otherReplica.authenticate("old-key");

        integrations.replace(rotating.withoutKey(rotating.keys().getFirst().id()));
        otherReplica.forgetKeysIfChangedElsewhere();

        assertThatThrownBy(() -> otherReplica.authenticate("old-key")).isInstanceOf(UnknownIntegrationKeyException.class);
        assertThat(otherReplica.authenticate("new-key").id()).isEqualTo(rotating.id());
    }

    @Test
    void aKeyOfAnIntegrationDeletedThroughOneReplicaIsRefusedByAnotherAfterItsNextCheck() {
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));
        Integrations otherReplica = anotherReplica();
        otherReplica.authenticate("the-key");

        integrations.delete("checkout-api-generic");
        otherReplica.forgetKeysIfChangedElsewhere();

        assertThatThrownBy(() -> otherReplica.authenticate("the-key")).isInstanceOf(UnknownIntegrationKeyException.class);
    }

    @Test
    void aGroupingChangedThroughOneReplicaAppliesOnAnotherAfterItsNextCheck() {
        integrations.insert(IntegrationFixtures.integration("payments-prometheus", "payments", IntegrationType.ALERTMANAGER,
                Grouping.GROUP, "the-key"));
        Integrations otherReplica = anotherReplica();
        Integration read = otherReplica.authenticate("the-key");

        integrations.replace(read.withGrouping(Grouping.ALERT));
        otherReplica.forgetKeysIfChangedElsewhere();

        assertThat(otherReplica.authenticate("the-key").grouping()).isEqualTo(Grouping.ALERT);
    }

    @Test
    void aCheckWithoutAStoredChangeKeepsAnsweringAcceptedKeysFromMemory() {
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));
        Integrations otherReplica = anotherReplica();
        otherReplica.authenticate("the-key");
        // Changed behind the application's back, so not counted: only a replica reading the database would see it.
        mongo.getCollection(Integrations.COLLECTION).updateMany(new Document(), new Document("$set", new Document("serviceId", "elsewhere")));

        otherReplica.forgetKeysIfChangedElsewhere();

        assertThat(otherReplica.authenticate("the-key").serviceId()).isEqualTo("checkout-api");
    }

    @Test
    void aKeyRefusedOnceWorksAsSoonAsItsIntegrationIsCreated() {
        assertThatThrownBy(() -> integrations.authenticate("the-key")).isInstanceOf(UnknownIntegrationKeyException.class);

        integrations.insert(IntegrationTest.integrationWithKeys("the-key"));

        assertThat(integrations.authenticate("the-key").serviceId()).isEqualTo("checkout-api");
    }

    @Test
    void savingTwiceChangesNothing() {
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));
        integrations.save(IntegrationTest.integrationWithKeys("the-key"));

        assertThat(mongo.getCollection(Integrations.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(integrations.authenticate("the-key").keyHashes()).hasSize(1);
    }

    @Test
    void anIntegrationStoredBeforeGroupingExistedGroupsAsItsTypeDoesByDefault() {
        integrations.insert(IntegrationFixtures.integration("payments-prometheus", "payments", IntegrationType.ALERTMANAGER,
                Grouping.GROUP, "prometheus-key"));
        integrations.insert(IntegrationFixtures.genericIntegration("payments-generic", "payments", "generic-key"));
        mongo.getCollection(Integrations.COLLECTION).updateMany(new Document(), new Document("$unset", new Document("grouping", "")));

        assertThat(integrations.authenticate("prometheus-key").grouping()).isEqualTo(Grouping.GROUP);
        assertThat(integrations.authenticate("generic-key").grouping()).isEqualTo(Grouping.ALERT);
    }

    @Test
    void aChangedGroupingIsStoredOverTheVersionReadAndAppliesToTheNextRequestAtOnce() {
        integrations.insert(IntegrationFixtures.integration("payments-prometheus", "payments", IntegrationType.ALERTMANAGER,
                Grouping.GROUP, "the-key"));
        Integration read = integrations.authenticate("the-key");

        integrations.replace(read.withGrouping(Grouping.ALERT));

        assertThat(integrations.authenticate("the-key").grouping()).isEqualTo(Grouping.ALERT);
        assertThatThrownBy(() -> integrations.replace(read.withGrouping(Grouping.GROUP)))
                .as("a change made from a stale read").isInstanceOf(ConcurrentChangeException.class);
        assertThat(integrations.find("payments-prometheus")).hasValueSatisfying(stored -> {
            assertThat(stored.grouping()).isEqualTo(Grouping.ALERT);
            assertThat(stored.version()).isEqualTo(1);
        });
    }

    /** A second ingest replica on the same database, with a time to live that never runs out in a test. */
    private Integrations anotherReplica() {
        Integrations replica = new Integrations(mongo, Duration.ofHours(1));
        replica.afterPropertiesSet();
        return replica;
    }

    @Test
    void aKeyBelongsToOneIntegrationOnly() {
        integrations.save(IntegrationTest.integrationWithKeys("shared-key"));
        Integration another = IntegrationFixtures.genericIntegration("billing-generic", "billing", "shared-key");

        assertThatThrownBy(() -> integrations.save(another)).isInstanceOf(DuplicateKeyException.class);
    }
}
