package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.System.Logger.Level;
import java.util.function.ToIntFunction;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which format a collection's documents and index keys have in the H2 file, and the one-time move to BSON.
 *
 * <p>A collection's meta map says {@value #MARKER} = {@value #BSON} once its documents are BSON ({@link
 * BsonDocumentType}), and {@value #MARKER}{@code .index.<name>} once an index's keys are ({@link KeyValueType}). A
 * map without its mark holds entries in the format of earlier versions (Java serialization, H2's default): they are
 * copied into a new map under the same keys (so the indexes, which map key values to document positions, stay
 * valid), committed in parts; then, in one commit, the old map goes, the new one takes its name and the mark is set.
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
        return open(
                store,
                meta,
                new Target<>(
                        dataMapName,
                        MARKER,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE),
                        BsonDocumentType.INSTANCE::getMemory));
    }

    /** A unique index's map with BSON keys, moved there first when its keys have the earlier format. */
    static MVMap<KeyValue, Object> openIndex(
            MVStore store, String indexMapName, MVMap<String, Object> meta, String indexName) {
        return open(
                store,
                meta,
                new Target<>(
                        indexMapName,
                        MARKER + ".index." + indexName,
                        new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE),
                        position -> 64));
    }

    /**
     * A map to have in BSON: its name, the meta entry that marks it done, how to open it in BSON, and an estimate of a
     * value's memory (to commit a move in parts).
     */
    private record Target<K, V>(String mapName, String marker, MVMap.Builder<K, V> bson, ToIntFunction<V> memory) {}

    private static <K, V> MVMap<K, V> open(MVStore store, MVMap<String, Object> meta, Target<K, V> target) {
        String marker = target.marker();
        if (BSON.equals(meta.get(marker)) || !store.hasMap(target.mapName())) {
            MVMap<K, V> map = store.openMap(target.mapName(), target.bson());
            if (!BSON.equals(meta.get(marker))) {
                meta.put(marker, BSON);
                store.commit();
            }
            return map;
        }
        return move(store, meta, target);
    }

    private static <K, V> MVMap<K, V> move(MVStore store, MVMap<String, Object> meta, Target<K, V> target) {
        String mapName = target.mapName();
        String movingName = MOVING + mapName;
        if (store.hasMap(movingName)) {
            store.removeMap(movingName); // a move that stopped before its end: start again
        }
        MVMap<K, V> old = store.openMap(mapName);
        MVMap<K, V> moved = store.openMap(movingName, target.bson());
        long count = 0;
        long uncommitted = 0;
        for (var entry : old.entrySet()) {
            moved.put(entry.getKey(), entry.getValue());
            count++;
            uncommitted += target.memory().applyAsInt(entry.getValue());
            if (uncommitted > COMMIT_EVERY) {
                store.commit(); // in parts: an MVStore holds what it has not committed in memory
                uncommitted = 0;
            }
        }
        store.commit();
        store.removeMap(old);
        store.renameMap(moved, mapName);
        meta.put(target.marker(), BSON);
        store.commit();
        LOG.log(Level.INFO, "Moved {0} entries of {1} to BSON", count, mapName);
        return moved;
    }
}
