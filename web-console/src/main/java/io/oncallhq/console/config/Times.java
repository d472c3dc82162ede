package io.oncallhq.console.config;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as every page shows them ({@code ${@times.format(at)}}): UTC, to the minute, like the services' notices. */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** A duration in seconds as "1 h 5 min", "4 min 10 s" or "12 s". */
    public String seconds(Number seconds) {
        return seconds == null ? "" : duration(Duration.ofSeconds(seconds.longValue()));
    }

    /** "1 h 5 min", "4 min 10 s" or "12 s"; empty for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        if (duration.toMinutes() > 0) {
            return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        return duration.toSeconds() + " s";
    }
}
