package io.oncallhq.incident.oncall;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

interface Responders extends ListCrudRepository<Responder, String> {

    Optional<Responder> findFirstBySlackUserId(String slackUserId);
}
