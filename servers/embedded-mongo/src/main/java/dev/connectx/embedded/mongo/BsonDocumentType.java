package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents in H2 as BSON, with the encoder and decoder mongo-java-server speaks the wire protocol with, instead of
 * H2's default for an unknown class, Java serialization: measured as most of the embedded store's CPU (see
 * {@code docs/performance.md}). A value is its BSON document exactly: the length (int32, little-endian) and the
 * rest. Anything a client can send can be written, since it came over the wire as BSON.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {}

    /** An estimate of the heap a document takes, without encoding it: H2 sizes its pages and cache with it. */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    private static long estimate(Object value) {
        if (value instanceof String text) {
            return 40L + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            long total = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return total;
        }
        if (value instanceof Collection<?> items) {
            long total = 24;
            for (Object item : items) {
                total += 8 + estimate(item);
            }
            return total;
        }
        if (value instanceof byte[] bytes) {
            return 16L + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuffer bson = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Documents are compared for equality only (H2's conditional replace): equal is 0, anything else 1. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }
}
