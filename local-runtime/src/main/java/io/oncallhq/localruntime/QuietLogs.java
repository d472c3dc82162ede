package io.oncallhq.localruntime;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Embedded servers chatter at INFO and would drown everything else; WARN still shows what needs attention. */
final class QuietLogs {

    private QuietLogs() {
    }

    /** Applies only when Logback is the SLF4J backend; other backends keep their own configuration. */
    static void warnOnly(String... loggerNames) {
        for (String name : loggerNames) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
