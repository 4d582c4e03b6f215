package dev.connectx.bootstrap.config;

import static dev.connectx.bootstrap.config.SettingKey.CONNECTX_LOG_FORMAT;
import static dev.connectx.bootstrap.config.SettingKey.LOG_LEVEL;

import dev.connectx.bootstrap.logging.LevelNames;
import dev.connectx.bootstrap.logging.LogSetup.Format;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;

/**
 * {@code LOG_LEVEL} and {@code CONNECTX_LOG_FORMAT}.
 *
 * @param level connectx's log level; empty when unset (INFO, and Connect's level once it sends one)
 * @param format {@code text} (one escaped line a record) or {@code json} (one JSON object a line)
 */
public record LogOptions(Optional<Level> level, Format format) {

    /** @throws InvalidSettingException naming the key of a malformed value */
    static LogOptions from(SettingValues values) {
        Optional<Level> level;
        try {
            level = values.set(LOG_LEVEL).map(LevelNames::parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(LOG_LEVEL, e.getMessage());
        }
        Format format = switch (values.text(CONNECTX_LOG_FORMAT).toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default -> throw new InvalidSettingException(CONNECTX_LOG_FORMAT, "must be text or json");
        };
        return new LogOptions(level, format);
    }
}
