package dev.connectx.simulator;

import java.util.Map;

/**
 * What a runner sent when it connected: the URL's path and query, its Authorization header, and the
 * {@code setup_request} frame (null until it arrives).
 */
public record Handshake(
        String environmentId, String instanceId, Map<String, String> query, String authorization, String setupRequest) {

    Handshake withSetupRequest(String frame) {
        return new Handshake(environmentId, instanceId, query, authorization, frame);
    }
}
