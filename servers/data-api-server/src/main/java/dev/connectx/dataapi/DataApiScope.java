package dev.connectx.dataapi;

import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What a key may reach: the configured databases, their collections but the {@code system.} ones, and reads and
 * writes of the collection named by the request. A pipeline may not write elsewhere ({@code $out}, {@code $merge}),
 * read another database ({@code $lookup}, {@code $graphLookup}, {@code $unionWith} with a {@code db}), or look at the
 * server ({@code $currentOp} and the like); no part of a request may run JavaScript on the server ({@code $where},
 * {@code $function}, {@code $accumulator}). Refusals are 403, naming what was refused.
 */
final class DataApiScope {

    private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");
    private static final Set<String> SERVER_STAGES = Set.of(
            "$currentOp",
            "$listSessions",
            "$listLocalSessions",
            "$planCacheStats",
            "$collStats",
            "$indexStats",
            "$changeStream",
            "$changeStreamSplitLargeEvent",
            "$listSearchIndexes",
            "$listSampledQueries",
            "$querySettings",
            "$shardedDataDistribution",
            "$listClusterCatalog");
    private static final Set<String> JAVASCRIPT = Set.of("$where", "$function", "$accumulator");
    /** Nesting deeper than this is refused rather than walked (MongoDB itself stops at 100 levels). */
    private static final int MAX_DEPTH = 200;

    private final Set<String> databases;

    DataApiScope(Set<String> databases) {
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("the Data API server needs at least one database to serve");
        }
        this.databases = Set.copyOf(databases);
    }

    Set<String> databases() {
        return databases;
    }

    /** Refuses a request outside the scope. */
    void check(DataApiRequest request) {
        request.dataSource(); // required first, as the hosted Data API checks it
        requireServed(request.database());
        if (request.collection().startsWith("system.")) {
            throw forbidden("the system collections are not served");
        }
        noJavaScript(request.body(), 0);
        BsonValue pipeline = request.body().get("pipeline");
        if (pipeline != null && pipeline.isArray()) {
            checkPipeline(pipeline.asArray(), 0);
        }
    }

    private void requireServed(String database) {
        if (!databases.contains(database)) {
            throw forbidden("database '" + database + "' is not served (DATA_API_DATABASES)");
        }
    }

    private void checkPipeline(BsonArray pipeline, int depth) {
        for (BsonValue stage : pipeline) {
            if (!stage.isDocument()) {
                continue; // the driver refuses it with its own message
            }
            for (var entry : stage.asDocument().entrySet()) {
                checkStage(entry.getKey(), entry.getValue(), depth + 1);
            }
        }
    }

    private void checkStage(String name, BsonValue spec, int depth) {
        if (depth > MAX_DEPTH) {
            throw DataApiException.invalid("the pipeline is nested too deeply");
        }
        if (WRITING_STAGES.contains(name)) {
            throw forbidden(name + " is not served: a pipeline may only read");
        }
        if (SERVER_STAGES.contains(name)) {
            throw forbidden(name + " is not served: a pipeline may only read its database's collections");
        }
        if (!spec.isDocument()) {
            return;
        }
        BsonDocument body = spec.asDocument();
        switch (name) {
            case "$lookup", "$graphLookup" -> otherDatabase(name, body.get("from"));
            case "$unionWith" -> otherDatabase(name, body);
            case "$facet" ->
                body.values().stream().filter(BsonValue::isArray).forEach(sub -> checkPipeline(sub.asArray(), depth));
            default -> {
                // other stages read only what flows through them
            }
        }
        BsonValue nested = body.get("pipeline");
        if (nested != null && nested.isArray()) {
            checkPipeline(nested.asArray(), depth);
        }
    }

    /** A {@code from} (or {@code $unionWith}) naming {@code {db: …, coll: …}} must stay in a served database. */
    private void otherDatabase(String stage, BsonValue from) {
        if (from != null && from.isDocument() && from.asDocument().containsKey("db")) {
            BsonValue db = from.asDocument().get("db");
            if (!db.isString()) {
                throw forbidden(stage + " must name its database as a string");
            }
            requireServed(db.asString().getValue());
        }
    }

    private static void noJavaScript(BsonValue value, int depth) {
        if (depth > MAX_DEPTH) {
            throw DataApiException.invalid("the request is nested too deeply");
        }
        if (value.isDocument()) {
            for (var entry : value.asDocument().entrySet()) {
                if (JAVASCRIPT.contains(entry.getKey())) {
                    throw forbidden(entry.getKey() + " is not served: no JavaScript runs on the server");
                }
                noJavaScript(entry.getValue(), depth + 1);
            }
        } else if (value.isArray()) {
            for (BsonValue item : value.asArray()) {
                noJavaScript(item, depth + 1);
            }
        }
    }

    private static DataApiException forbidden(String message) {
        return new DataApiException(403, "Forbidden", message);
    }
}
