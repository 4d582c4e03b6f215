package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.Printable;
import dev.connectx.proxy.ProxyRules;
import dev.connectx.proxy.ProxyServer;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The Data API's actions on one collection, as canonical Extended JSON both ways (so that dates stay dates), with
 * the key in its header. One pooled HTTP client; Helidon's WebClient holds no resource that needs closing.
 */
final class DataApiClient {

    private static final String EJSON = "application/ejson";
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final DataApiSettings settings;
    private final WebClient client;

    DataApiClient(DataApiSettings settings, ProxyRules proxies) {
        this.settings = settings;
        this.client = WebClient.builder()
                .baseUri(settings.endpoint().toString().replaceAll("/+$", "") + "/action/")
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .proxy(proxies.forUri(settings.endpoint())
                        .map(DataApiClient::proxy)
                        .orElseGet(Proxy::noProxy))
                .build();
    }

    /** Helidon's proxy for one of ours; {@code CONNECT} for plain http too, as for https, so one rule fits both. */
    private static Proxy proxy(ProxyServer server) {
        Proxy.Builder proxy = Proxy.builder()
                .type(Proxy.ProxyType.HTTP)
                .host(server.host())
                .port(server.port())
                .forceHttpConnect(true);
        server.username().ifPresent(proxy::username);
        server.password().map(String::toCharArray).ifPresent(proxy::password);
        return proxy.build();
    }

    /** The body every action starts from: which data source, database and collection it is about. */
    BsonDocument request() {
        return new BsonDocument("dataSource", new BsonString(settings.dataSource()))
                .append("database", new BsonString(settings.database()))
                .append("collection", new BsonString(settings.collection()));
    }

    /** Calls an action; only an unreachable server throws, every answer is returned. */
    DataApiReply call(String action, BsonDocument body) {
        try (HttpClientResponse response = client.post(action)
                .header(HeaderNames.CONTENT_TYPE, EJSON)
                .header(HeaderNames.ACCEPT, EJSON)
                .header(HeaderNames.create(settings.apiKeyHeader()), settings.apiKey())
                .submit(body.toJson(CANONICAL))) {
            int status = response.status().code();
            String text = response.as(String.class);
            return new DataApiReply(status, parse(text));
        } catch (StoreUnavailableException | EventRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Connection refused, reset, timed out: Helidon reports these as unchecked exceptions.
            throw new StoreUnavailableException(
                    "the Data API at " + settings.endpoint().getHost() + " could not be reached: "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())),
                    e);
        }
    }

    /** Calls an action that answers {@code {"documents": [...]}}; any other answer throws. */
    List<BsonDocument> documents(String action, BsonDocument body) {
        DataApiReply reply = call(action, body);
        if (!reply.isSuccess()) {
            throw reply.failure(action);
        }
        BsonValue documents = reply.body().get("documents");
        if (documents == null || !documents.isArray()) {
            throw new StoreUnavailableException("the Data API answered " + action + " without a documents array");
        }
        return documents.asArray().stream()
                .filter(BsonValue::isDocument)
                .map(BsonValue::asDocument)
                .toList();
    }

    private static BsonDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return new BsonDocument();
        }
        try {
            return BsonDocument.parse(text);
        } catch (RuntimeException e) {
            return new BsonDocument("error", new BsonString(firstLine(text)));
        }
    }

    private static String firstLine(String text) {
        return Printable.firstLine(text, 300);
    }
}
