package dev.connectx.testing.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** What a logger (and the ones under it) writes while a test runs: "LEVEL message" a line. */
public final class RecordedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private RecordedLog(String name) {
        this.logger = Logger.getLogger(name);
        this.previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Records {@code dev.connectx} and everything under it. */
    public static RecordedLog ofConnectx() {
        return new RecordedLog("dev.connectx");
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> linesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel().getName() + " " + formatter.formatMessage(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
