package dev.connectx.adapters.connect.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** A frame Connect sends to the extension. */
public sealed interface InboundMessage {

    /** The platform's configuration: sent after every connect, and again whenever it changes. */
    record SetupResponse(
            List<Variable> variables,
            Optional<String> environmentType,
            Optional<String> serviceId,
            Optional<String> logLevel,
            List<EventDefinition> eventDefinitions)
            implements InboundMessage {

        public SetupResponse {
            variables = List.copyOf(variables);
            eventDefinitions = List.copyOf(eventDefinitions);
        }
    }

    /**
     * A task to run. {@code data} is the task exactly as received, so that the result can echo it whole.
     */
    record Task(ObjectNode data, TaskOptions options, String eventType, String objectId) implements InboundMessage {

        @Override
        public String toString() {
            return "Task[" + options.taskId() + " " + options.category() + " " + eventType + " " + objectId + "]";
        }
    }

    /** Connect asks the extension to stop. */
    record Shutdown() implements InboundMessage {}

    /** A well-formed frame of a type this runtime does not handle (e.g. {@code web_task}); logged, not fatal. */
    record Unsupported(String messageType) implements InboundMessage {}

    /** One configuration variable; a secure one's value is never printed. */
    record Variable(String name, String value, boolean secure) {

        @Override
        public String toString() {
            return "Variable[" + name + "=" + (secure ? "****" : value) + "]";
        }
    }

    /** How to load the object of a background event through the Connect REST API (§4.1). */
    record EventDefinition(
            String eventType, String resourceEndpoint, String collectionEndpoint, String collectionFilter) {}

    /** The options of a task; the per-installation key is never printed. */
    record TaskOptions(String taskId, String category, Optional<String> apiKey, Optional<String> installationId) {

        @Override
        public String toString() {
            return "TaskOptions[" + taskId + " " + category
                    + apiKey.map(k -> " api_key=****").orElse("")
                    + installationId.map(i -> " installation=" + i).orElse("") + "]";
        }
    }
}
