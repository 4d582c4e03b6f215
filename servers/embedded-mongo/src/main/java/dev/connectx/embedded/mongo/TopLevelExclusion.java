package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;

/** A projection that only leaves out top-level fields, such as {@code {request: 0}}, applied without mongo-java-server. */
final class TopLevelExclusion {

    private TopLevelExclusion() {}

    /** Whether {@code fieldSelector} only excludes top-level fields other than {@code _id} and the sort keys. */
    static boolean applies(Document fieldSelector, Document orderBy) {
        if (fieldSelector == null || fieldSelector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> field : fieldSelector.entrySet()) {
            String name = field.getKey();
            boolean excluded = field.getValue() instanceof Number number
                    ? number.intValue() == 0
                    : Boolean.FALSE.equals(field.getValue());
            if (!excluded
                    || name.contains(".")
                    || name.startsWith("$")
                    || name.equals("_id")
                    || orderBy.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code document} without the excluded fields. */
    static Document apply(Document document, Document fieldSelector) {
        Document projected = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (!fieldSelector.containsKey(field.getKey())) {
                projected.put(field.getKey(), field.getValue());
            }
        }
        return projected;
    }
}
