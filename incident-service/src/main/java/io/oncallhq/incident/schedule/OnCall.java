package io.oncallhq.incident.schedule;

import java.time.Instant;

/**
 * Who is on call at a moment and what put them there.
 *
 * @param start       the start of the layer's shift, or of the override
 * @param end         its end
 * @param layer       the layer whose shift it is (its name, or {@code layer 2} when it has none); null for an override
 * @param standsInFor for an override, whom the layers would have put on call; null when nobody or the same responder,
 *                    or for a shift
 * @param overrideBy  for an override, who added it; null when not known, or for a shift
 */
public record OnCall(String responderId, Instant start, Instant end, String layer, String standsInFor,
                     String overrideBy) {

    public boolean byOverride() {
        return layer == null;
    }
}
