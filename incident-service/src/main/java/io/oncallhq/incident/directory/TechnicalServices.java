package io.oncallhq.incident.directory;

import org.springframework.data.repository.ListCrudRepository;

interface TechnicalServices extends ListCrudRepository<TechnicalService, String> {
}
