package org.caisse.keymanagement.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the JVM, all levels of {@code org.caisse} included, as text (message, parameters and stack
 * trace), from {@link #start()} to {@link #stop()}: what a test searches for material that must never be logged.
 */
public final class CapturedLogs extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Level previousLevel;

    public void start() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
        Logger caisse = Logger.getLogger("org.caisse");
        previousLevel = caisse.getLevel();
        caisse.setLevel(Level.ALL);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger("org.caisse").setLevel(previousLevel);
    }

    /** What was logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(' ').append(trace);
        }
        lines.add(text.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
