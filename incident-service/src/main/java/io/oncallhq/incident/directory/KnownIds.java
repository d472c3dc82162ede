package io.oncallhq.incident.directory;

/**
 * Which ids a reference may point to: what is stored, for a single REST write; the document and what is stored
 * (unless it is pruned), for configuration as code.
 */
public interface KnownIds {

    boolean hasResponder(String id);

    boolean hasTeam(String id);

    boolean hasSchedule(String id);
}
