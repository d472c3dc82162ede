package io.oncallhq.incident.oncall;

import org.springframework.data.repository.ListCrudRepository;

interface TechnicalServices extends ListCrudRepository<TechnicalService, String> {
}
