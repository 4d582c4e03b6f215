package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose sorted, limited queries hold only what they return. mongo-java-server sorts every matching
 * document, whole, before it applies the limit and the projection: a query for the newest ten summaries of a request
 * with forty 15 MiB events would hold 600 MiB. Here a sorted query with a limit keeps the top documents only (a
 * bounded heap), and a projection that only leaves out top-level fields (as connectx's summaries leave out the
 * request) is applied to each document as it is read, before it is kept.
 */
final class BoundedQueryH2Collection extends H2Collection {

    BoundedQueryH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(
            Stream<Document> documents,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Comparator<Document> order = deriveComparator(orderBy);
        boolean exclusionOnly = TopLevelExclusion.applies(fieldSelector, orderBy);
        boolean noProjection = fieldSelector == null || fieldSelector.isEmpty();
        if (order == null
                || limit <= 0
                || (!exclusionOnly && !noProjection)
                || (long) skip + limit > Integer.MAX_VALUE) {
            return super.matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        int keep = skip + limit;
        PriorityQueue<Document> top = new PriorityQueue<>(keep + 1, order.reversed());
        documents
                .filter(document -> documentMatchesQuery(document, query))
                .map(document -> exclusionOnly ? TopLevelExclusion.apply(document, fieldSelector) : document)
                .forEach(document -> {
                    top.add(document);
                    if (top.size() > keep) {
                        top.poll(); // drops the last in the query's order
                    }
                });
        List<Document> sorted = new ArrayList<>(top);
        sorted.sort(order);
        return createQueryResult(
                new ArrayList<>(sorted.subList(Math.min(skip, sorted.size()), sorted.size())), batchSize);
    }
}
