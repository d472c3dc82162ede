package io.oncallhq.incident.directory;

import org.springframework.data.repository.ListCrudRepository;

interface Teams extends ListCrudRepository<Team, String> {
}
