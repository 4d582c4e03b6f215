package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.HTTPS_PROXY;
import static dev.connectx.bootstrap.config.SettingKey.HTTP_PROXY;
import static dev.connectx.bootstrap.config.SettingKey.NO_PROXY;

import dev.connectx.proxy.ProxyRules;

/**
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (each also in lower case) as one set of rules for every
 * outbound HTTP connection: the WebSocket and REST calls to Connect, and the Data API client. The MongoDB driver
 * speaks MongoDB's own protocol, which HTTP proxies do not carry.
 */
final class ProxySettings {

    private ProxySettings() {}

    /** @throws InvalidSettingException naming the malformed variable, never quoting it (it may hold a password) */
    static ProxyRules from(SettingValues values) {
        try {
            return ProxyRules.of(
                    values.set(HTTPS_PROXY).orElse(null),
                    values.set(HTTP_PROXY).orElse(null),
                    values.set(NO_PROXY).orElse(null));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            SettingKey key = message.startsWith("HTTPS_PROXY")
                    ? HTTPS_PROXY
                    : message.startsWith("HTTP_PROXY") ? HTTP_PROXY : NO_PROXY;
            throw new InvalidSettingException(
                    key, message.substring(key.name().length()).strip());
        }
    }
}
