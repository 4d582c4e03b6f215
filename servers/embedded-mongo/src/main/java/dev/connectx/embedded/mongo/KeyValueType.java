package dev.connectx.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index in H2 as BSON ({@code {"v": [the key's values]}}) instead of Java serialization, H2's
 * default: an insert writes one key per index. A key with a value BSON would not give back as it is
 * (mongo-java-server's own marker of a missing field, say) is kept serialized, behind its own tag. The index is used for exact lookups only,
 * so its order need only be total and agree with {@code equals}: by hash, then by the BSON bytes.
 *
 * <p>A key of one string (connectx's {@code _id}s and unique fields) is written as its UTF-8 bytes behind a tag of its
 * own: H2 rewrites a whole leaf page of keys at every commit, so the cost of writing a key counts many times over.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final byte BSON = 0;
    private static final byte SERIALIZED = 1;
    private static final byte ONE_STRING = 2;

    private KeyValueType() {}

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + text.length() : 24;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String text) {
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            buffer.put(ONE_STRING).putVarInt(utf8.length).put(utf8);
            return;
        }
        buffer.put(encode(key));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag == ONE_STRING) {
            byte[] utf8 = new byte[org.h2.mvstore.DataUtils.readVarInt(buffer)];
            buffer.get(utf8);
            return new KeyValue(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (tag == BSON) {
            int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
            ByteBuffer bson = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            List<?> values = (List<?>)
                    BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)).get("v");
            return new KeyValue(values);
        }
        int length = buffer.getInt();
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (KeyValue) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a.equals(b)) {
            return 0;
        }
        int byHash = Integer.compare(a.hashCode(), b.hashCode());
        return byHash != 0 ? byHash : Arrays.compare(encode(a), encode(b));
    }

    /**
     * The tag and the key: a BSON document, or the serialized key after its length. Also the order of keys of equal
     * hash, so it must not change for a key already stored.
     */
    static byte[] encode(KeyValue key) {
        if (!key.stream().allMatch(KeyValueType::readsBackEqual)) {
            return serialized(key);
        }
        ByteBuf bson = Unpooled.buffer(64);
        try {
            bson.writeByte(BSON);
            BsonEncoder.encodeDocument(
                    new Document("v", new ArrayList<>(key.stream().toList())), bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } catch (RuntimeException notBson) {
            return serialized(key);
        } finally {
            bson.release();
        }
    }

    /**
     * Whether BSON gives this value back as it is: the types mongo-java-server decodes from the wire. Anything else
     * (its marker of a missing field, which the encoder would write as null) is kept serialized.
     */
    private static boolean readsBackEqual(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof java.time.Instant
                || value instanceof java.util.UUID
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId
                || value instanceof de.bwaldvogel.mongo.bson.Decimal128) {
            return true;
        }
        if (value instanceof Document document) {
            return document.values().stream().allMatch(KeyValueType::readsBackEqual);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(KeyValueType::readsBackEqual);
        }
        return false;
    }

    private static byte[] serialized(KeyValue key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer framed = ByteBuffer.allocate(5 + bytes.size());
        framed.put(SERIALIZED).putInt(bytes.size()).put(bytes.toByteArray());
        return framed.array();
    }
}
