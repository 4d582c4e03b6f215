package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.protocol.InboundMessage;
import dev.connectx.adapters.connect.protocol.InboundMessage.SetupResponse;
import dev.connectx.adapters.connect.protocol.InboundMessage.Shutdown;
import dev.connectx.adapters.connect.protocol.InboundMessage.Task;
import dev.connectx.adapters.connect.protocol.InboundMessage.Unsupported;
import dev.connectx.adapters.connect.protocol.MalformedFrameException;
import dev.connectx.adapters.connect.protocol.MessageCodec;
import java.lang.System.Logger.Level;

/**
 * What the worker does with each frame from Connect (§2): a {@code setup_response} updates the configuration and
 * tells the listener of changed variables, a {@code task} goes to the task runner, a {@code shutdown} ends the
 * worker. A frame it cannot read is logged and ignored: one bad frame must not end the connection.
 */
final class FrameHandler {

    private static final System.Logger LOG = System.getLogger(FrameHandler.class.getName());

    private final MessageCodec codec;
    private final ExtensionConfiguration configuration;
    private final ConnectVariablesListener listener;
    private final TaskRunner tasks;
    private volatile String logLevel;

    FrameHandler(
            MessageCodec codec,
            ExtensionConfiguration configuration,
            ConnectVariablesListener listener,
            TaskRunner tasks) {
        this.codec = codec;
        this.configuration = configuration;
        this.listener = listener;
        this.tasks = tasks;
    }

    /** Handles one frame; returns true when Connect asked to shut down. Never throws for a bad frame. */
    boolean handle(String frame) {
        InboundMessage message;
        try {
            message = codec.decode(frame);
        } catch (MalformedFrameException e) {
            LOG.log(Level.WARNING, "Ignoring a malformed frame from Connect: {0}", e.getMessage());
            return false;
        }
        switch (message) {
            case SetupResponse setup -> configure(setup);
            case Task task -> tasks.submit(task);
            case Shutdown shutdown -> {
                return true;
            }
            case Unsupported unsupported ->
                LOG.log(
                        Level.WARNING,
                        "Ignoring a {0} message: connectx runs the background events worker only",
                        unsupported.messageType());
        }
        return false;
    }

    private void configure(SetupResponse setup) {
        setup.logLevel().filter(level -> !level.isBlank()).ifPresent(level -> {
            if (!level.equals(logLevel)) {
                logLevel = level;
                try {
                    listener.logLevelChanged(level);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Connect''s log level {0} was not applied: {1}", level, e.getMessage());
                }
            }
        });
        boolean changed = configuration.apply(setup);
        LOG.log(Level.INFO, "Extension configuration has been updated.");
        if (changed) {
            try {
                listener.variablesChanged(configuration.variables());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.ERROR,
                        "Applying the new configuration failed; the previous one stays: {0}",
                        e.getMessage());
            }
        }
    }
}
