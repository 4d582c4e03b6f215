package dev.connectx.bootstrap.config;

/** A configuration value is missing or malformed; the message names the key and never quotes a secret. */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String key, String problem) {
        super(key + ": " + problem);
    }
}
