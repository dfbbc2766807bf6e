package io.otodoke.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Commands that run without Spring keep standard output for their results: the solver's INFO logs go. */
final class Logging {

    private Logging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
