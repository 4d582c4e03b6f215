package dev.connectx.bootstrap.config;

import java.util.Objects;

/** A configuration value is missing or malformed; it names the key, and its message never quotes a secret. */
public final class InvalidSettingException extends RuntimeException {

    private final SettingKey key;

    public InvalidSettingException(SettingKey key, String problem) {
        super(Objects.requireNonNull(key, "key").name() + ": " + problem);
        this.key = key;
    }

    public SettingKey key() {
        return key;
    }
}
