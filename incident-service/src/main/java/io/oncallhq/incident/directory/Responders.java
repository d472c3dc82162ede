package io.oncallhq.incident.directory;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

/**
 * The {@code responders} collection. Public so that other features can read responders (working hours, contact
 * rules); writes go through {@link OnCallDirectory}, which checks references.
 */
public interface Responders extends ListCrudRepository<Responder, String> {

    Optional<Responder> findFirstBySlackUserId(String slackUserId);
}
