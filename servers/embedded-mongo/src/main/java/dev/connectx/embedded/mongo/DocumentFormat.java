package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.System.Logger.Level;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which format a collection's documents have in the H2 file, and the one-time move to BSON.
 *
 * <p>A collection's meta map says {@value #MARKER} = {@value #BSON} once its documents are BSON ({@link
 * BsonDocumentType}). A data map without the mark holds documents in the format of earlier versions (Java
 * serialization, H2's default): they are copied into a new map under the same keys, so the indexes, which map values
 * to those keys, stay valid; then, in one commit, the old map goes, the new one takes its name and the mark is set.
 * MVStore commits atomically, so a stop at any point leaves either the old map, whole and unmarked (the move starts
 * again at the next open), or the new one, whole and marked. Nothing is lost.
 */
final class DocumentFormat {

    static final String MARKER = "connectx.documentFormat";
    static final String BSON = "bson";

    private static final System.Logger LOG = System.getLogger(DocumentFormat.class.getName());
    private static final String MOVING = "connectx.moving.";
    private static final long COMMIT_EVERY = 16L * 1024 * 1024;

    private DocumentFormat() {}

    /** The collection's data map in BSON, moved there first when it holds documents of the earlier format. */
    static MVMap<Object, Document> open(MVStore store, String dataMapName, MVMap<String, Object> meta) {
        MVMap.Builder<Object, Document> bson =
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE);
        if (BSON.equals(meta.get(MARKER)) || !store.hasMap(dataMapName)) {
            MVMap<Object, Document> data = store.openMap(dataMapName, bson);
            if (!BSON.equals(meta.get(MARKER))) {
                meta.put(MARKER, BSON);
                store.commit();
            }
            return data;
        }
        return move(store, dataMapName, meta, bson);
    }

    private static MVMap<Object, Document> move(
            MVStore store, String dataMapName, MVMap<String, Object> meta, MVMap.Builder<Object, Document> bson) {
        String movingName = MOVING + dataMapName;
        if (store.hasMap(movingName)) {
            store.removeMap(movingName); // a move that stopped before its commit: start again
        }
        MVMap<Object, Document> old = store.openMap(dataMapName);
        MVMap<Object, Document> moved = store.openMap(movingName, bson);
        long count = 0;
        long uncommitted = 0;
        for (var entry : old.entrySet()) {
            moved.put(entry.getKey(), entry.getValue());
            count++;
            uncommitted += BsonDocumentType.INSTANCE.getMemory(entry.getValue());
            if (uncommitted > COMMIT_EVERY) {
                store.commit(); // the move in parts: an MVStore holds what it has not committed in memory
                uncommitted = 0;
            }
        }
        store.commit();
        store.removeMap(old);
        store.renameMap(moved, dataMapName);
        meta.put(MARKER, BSON);
        store.commit();
        LOG.log(Level.INFO, "Moved {0} documents of {1} to BSON", count, dataMapName);
        return moved;
    }
}
