package io.oncallhq.incident.oncall;

import org.springframework.data.repository.ListCrudRepository;

interface Teams extends ListCrudRepository<Team, String> {
}
