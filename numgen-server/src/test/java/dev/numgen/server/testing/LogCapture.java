package dev.numgen.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log line the JVM writes while it is open, with message, arguments and stack traces rendered, for tests that
 * read what a node logged (a {@link SecretScanner} above all). The loggers given at {@link #open} log at DEBUG into the
 * capture only, so the console shows what it always shows (INFO and above is passed on to the root logger's
 * appenders) and the build log does not fill with DEBUG lines.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final Map<Logger, Boolean> additivity = new HashMap<>();

    private LogCapture() {}

    /** Captures what the root logger writes, and everything {@code debugLoggers} write down to DEBUG. */
    public static LogCapture open(String... debugLoggers) {
        LogCapture capture = new LogCapture();
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.setName("numgen-log-capture");
        capture.start();
        for (Iterator<Appender<ILoggingEvent>> it = capture.root.iteratorForAppenders(); it.hasNext(); ) {
            capture.rootAppenders.add(it.next());
        }
        capture.root.addAppender(capture);
        for (String name : debugLoggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            capture.levels.put(logger, logger.getLevel());
            capture.additivity.put(logger, logger.isAdditive());
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(capture);
        }
        return capture;
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** All of them, one after another. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(": ")
                .append(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            line.append("\n").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
            for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                line.append("\n\tat ").append(frame.getSTEAsString());
            }
        }
        lines.add(line.toString());
        boolean passedByRoot = event.getLevel().isGreaterOrEqual(Level.INFO) && isDetached(event.getLoggerName());
        if (passedByRoot) {
            rootAppenders.forEach(appender -> appender.doAppend(event));
        }
    }

    /** Whether the event comes from one of the DEBUG loggers, whose events the root logger no longer sees. */
    private boolean isDetached(String loggerName) {
        return levels.keySet().stream()
                .anyMatch(
                        logger -> loggerName.equals(logger.getName()) || loggerName.startsWith(logger.getName() + "."));
    }

    @Override
    public void close() {
        root.detachAppender(this);
        levels.forEach((logger, level) -> {
            logger.detachAppender(this);
            logger.setLevel(level);
            logger.setAdditive(additivity.get(logger));
        });
        stop();
    }
}
