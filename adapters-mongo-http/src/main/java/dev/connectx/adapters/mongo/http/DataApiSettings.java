package dev.connectx.adapters.mongo.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the Data API store keeps events, with the original Connect example's variable names.
 *
 * @param endpoint the base URL up to the version, e.g. {@code https://host/app/data-abcde/endpoint/data/v1}
 *     ({@code DATA_API_ENDPOINT})
 * @param apiKey the Data API key ({@code DATA_API_KEY}, or Connect's variable {@code API_KEY}); never printed
 * @param apiKeyHeader the header that carries it ({@code api-key}; some servers want {@code apiKey})
 * @param dataSource the cluster name ({@code CLUSTER})
 * @param database {@code DB}
 * @param collection {@code HTTP_COLLECTION}
 * @param timeout the most one call may take
 */
public record DataApiSettings(
        URI endpoint,
        String apiKey,
        String apiKeyHeader,
        String dataSource,
        String database,
        String collection,
        Duration timeout) {

    public static final String DEFAULT_API_KEY_HEADER = "api-key";
    public static final String DEFAULT_DATA_SOURCE = "mongodb-atlas";
    public static final String DEFAULT_COLLECTION = "http_data";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DataApiSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "the Data API endpoint must be an http(s) URL, e.g. https://host/app/data-abcde/endpoint/data/v1");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the Data API key must not be empty");
        }
        requireText("api key header", apiKeyHeader);
        requireText("data source", dataSource);
        requireText("database", database);
        requireText("collection", collection);
        Objects.requireNonNull(timeout, "timeout");
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** The same settings for another collection of the same database. */
    public DataApiSettings withCollection(String value) {
        return new DataApiSettings(endpoint, apiKey, apiKeyHeader, dataSource, database, value, timeout);
    }

    @Override
    public String toString() {
        return "DataApiSettings[endpoint=" + endpoint + ", apiKey=****, apiKeyHeader=" + apiKeyHeader + ", dataSource="
                + dataSource + ", database=" + database + ", collection=" + collection + ", timeout=" + timeout + "]";
    }
}
