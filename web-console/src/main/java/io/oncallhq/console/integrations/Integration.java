package io.oncallhq.console.integrations;

import java.time.Instant;
import java.util.List;

/** alert-ingest's integration as its admin API shows it: key ids and times, never keys. */
public record Integration(String id, String serviceId, String name, String type, String grouping, Instant createdAt,
                          List<Key> keys) {

    public record Key(String id, Instant createdAt) {
    }

    /** The one answer that holds a key's secret: to be shown once and never stored by the console. */
    public record NewKey(String id, String secret, Instant createdAt) {
    }
}
