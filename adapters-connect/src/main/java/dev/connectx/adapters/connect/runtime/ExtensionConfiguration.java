package dev.connectx.adapters.connect.runtime;

import dev.connectx.adapters.connect.protocol.InboundMessage.EventDefinition;
import dev.connectx.adapters.connect.protocol.InboundMessage.SetupResponse;
import dev.connectx.adapters.connect.protocol.InboundMessage.Variable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Connect configured, merged over successive {@code setup_response}s by the Python runner's rules (§2.4):
 * a non-empty variable list replaces the variables, an empty one keeps them. Unlike the Python runner, event
 * definitions follow the latest response that carries any (it keeps the first response's only).
 */
final class ExtensionConfiguration {

    private ConnectVariables variables = ConnectVariables.none();
    private Map<String, EventDefinition> definitions = Map.of();

    /** Applies a response; returns true when the variables' values changed. */
    synchronized boolean apply(SetupResponse response) {
        boolean changed = false;
        if (!response.variables().isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> secure = new HashSet<>();
            for (Variable variable : response.variables()) {
                values.put(variable.name(), variable.value());
                if (variable.secure()) {
                    secure.add(variable.name());
                }
            }
            ConnectVariables next = ConnectVariables.of(values, secure);
            changed = !next.sameValues(variables);
            variables = next;
        }
        if (!response.eventDefinitions().isEmpty()) {
            Map<String, EventDefinition> next = new LinkedHashMap<>();
            response.eventDefinitions().forEach(definition -> next.put(definition.eventType(), definition));
            definitions = Map.copyOf(next);
        }
        return changed;
    }

    synchronized ConnectVariables variables() {
        return variables;
    }

    synchronized Optional<EventDefinition> definition(String eventType) {
        return Optional.ofNullable(definitions.get(eventType));
    }
}
