package io.oncallhq.postmortem;

import java.time.Instant;
import java.util.Optional;

/**
 * The post-mortem of one incident: generated {@link IncidentFacts} plus the {@link Sections} people write.
 *
 * @param version the optimistic-locking version of the stored document; 0 before the first save
 */
public record Postmortem(
        String id,
        String incidentId,
        PostmortemStatus status,
        IncidentFacts facts,
        Sections sections,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A fresh draft: the facts of the incident and empty sections to fill in. */
    public static Postmortem draft(String id, String incidentId, IncidentFacts facts, Instant now) {
        return new Postmortem(id, incidentId, PostmortemStatus.DRAFT, facts, Sections.empty(), now, now, 0);
    }

    /** The post-mortem with newer facts and the same sections, or empty when the facts have not changed. */
    public Optional<Postmortem> refreshedWith(IncidentFacts newFacts, Instant now) {
        if (facts.equals(newFacts)) {
            return Optional.empty();
        }
        return Optional.of(new Postmortem(id, incidentId, status, newFacts, sections, createdAt, now, version));
    }

    Postmortem withVersion(long newVersion) {
        return new Postmortem(id, incidentId, status, facts, sections, createdAt, updatedAt, newVersion);
    }
}
