package dev.connectx.simulator;

/**
 * A request action the simulated Connect took: {@code POST …/{requestId}/{action}} with its JSON body.
 *
 * @param requestId the request, {@code PR-…} or {@code TCR-…}
 * @param action {@code approve}, {@code fail} or {@code inquire}
 * @param body the JSON body as received
 */
public record RequestAction(String requestId, String action, String body) {}
