package io.oncallhq.ingest.alertmanager;

import java.util.List;
import java.util.Map;

/**
 * One alert as Alertmanager's webhook sends it, and as Grafana's webhook contact point sends it too (Grafana
 * adds fields, mapped through {@link #extraLinks()} and {@link #extraDetails()}).
 */
public interface LabelledAlert {

    String status();

    Map<String, String> labels();

    Map<String, String> annotations();

    String startsAt();

    String endsAt();

    String generatorURL();

    String fingerprint();

    /** Links beyond {@code generatorURL}; null or blank hrefs are left out. */
    default List<LinkField> extraLinks() {
        return List.of();
    }

    default Map<String, Object> extraDetails() {
        return Map.of();
    }

    /** @param field the JSON field it came from, named in errors */
    record LinkField(String field, String href, String text) {
    }
}
