package io.oncallhq.ingest.integration;

/** The integration has no key with this id (it may have been revoked already). */
public class UnknownKeyIdException extends RuntimeException {

    public UnknownKeyIdException(String integrationId, String keyId) {
        super("Integration " + integrationId + " has no key " + keyId);
    }
}
