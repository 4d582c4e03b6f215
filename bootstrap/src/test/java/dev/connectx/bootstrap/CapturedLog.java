package dev.connectx.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Every log record of this JVM from now until closed, at any level, formatted with its stack trace. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> records = new ArrayList<>();

    private CapturedLog(Level level) {
        setLevel(Level.ALL);
        root.setLevel(level);
        root.addHandler(this);
        // connectx's level follows Connect's (INFO from the simulator) unless held: held, the capture sees it all
        dev.connectx.bootstrap.logging.LogSetup.hold(level);
    }

    /** Captures records at {@code level} and above (the root logger is set to it until closed). */
    public static CapturedLog from(Level level) {
        return new CapturedLog(level);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(
                record.getLevel() + " " + record.getLoggerName() + ": " + formatter.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        synchronized (records) {
            records.add(line.toString());
        }
    }

    /** Everything captured so far, a record a line (stack traces span more). */
    public String text() {
        synchronized (records) {
            return String.join("\n", records);
        }
    }

    int size() {
        synchronized (records) {
            return records.size();
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
        java.util.logging.Logger.getLogger("dev.connectx").setLevel(null);
        dev.connectx.bootstrap.logging.LogSetup.release();
    }
}
