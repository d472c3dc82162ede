package io.oncallhq.ingest.integration;

/** Revoking the only key would leave an integration nobody can use; deleting it says so plainly. */
public class LastKeyException extends RuntimeException {

    public LastKeyException(String integrationId, String keyId) {
        super("Key " + keyId + " is the only key of integration " + integrationId
                + ": rotate first (POST /integrations/" + integrationId + "/keys) or delete the integration");
    }
}
