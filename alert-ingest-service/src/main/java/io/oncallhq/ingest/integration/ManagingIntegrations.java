package io.oncallhq.ingest.integration;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The admin use cases: create, list, change the grouping of, rotate, revoke and delete integrations. */
@Component
public class ManagingIntegrations {

    private final Integrations integrations;
    private final ServiceCatalogue catalogue;
    private final GeneratedKeys keys;
    private final Clock clock;

    ManagingIntegrations(Integrations integrations, ServiceCatalogue catalogue, GeneratedKeys keys, Clock clock) {
        this.integrations = integrations;
        this.catalogue = catalogue;
        this.keys = keys;
        this.clock = clock;
    }

    /** @param integration the integration as stored, and its first key with the secret, which is shown only now */
    public record WithNewKey(Integration integration, GeneratedKeys.NewKey key) {
    }

    /**
     * @throws UnknownServiceException              when incident-service has no such service; nothing is stored
     * @throws ServiceCatalogueUnavailableException when incident-service cannot tell; nothing is stored
     */
    public WithNewKey create(String serviceId, String name, IntegrationType type, Grouping grouping) {
        if (!catalogue.exists(serviceId)) {
            throw new UnknownServiceException(serviceId);
        }
        Instant now = clock.instant();
        GeneratedKeys.NewKey key = keys.generate(now);
        Integration integration = new Integration(keys.integrationId(), serviceId, name, type, grouping, List.of(key.key()), now, 0);
        integrations.insert(integration);
        return new WithNewKey(integration, key);
    }

    public Integration get(String id) {
        return integrations.find(id).orElseThrow(() -> new IntegrationNotFoundException(id));
    }

    public List<Integration> list(String serviceId) {
        return integrations.list(serviceId);
    }

    /**
     * Applies to the alerts received from then on (on other replicas within {@code ingest.key-cache-check-interval}).
     *
     * @throws InvalidIntegrationException when the integration's type sends no groups to group by
     */
    public Integration changeGrouping(String id, Grouping grouping) {
        return integrations.replace(get(id).withGrouping(grouping));
    }

    /** Adds a new key; the ones before keep working until revoked. */
    public WithNewKey rotate(String id) {
        GeneratedKeys.NewKey key = keys.generate(clock.instant());
        return new WithNewKey(integrations.replace(get(id).withKey(key.key())), key);
    }

    public Integration revoke(String id, String keyId) {
        return integrations.replace(get(id).withoutKey(keyId));
    }

    public void delete(String id) {
        if (!integrations.delete(id)) {
            throw new IntegrationNotFoundException(id);
        }
    }
}
