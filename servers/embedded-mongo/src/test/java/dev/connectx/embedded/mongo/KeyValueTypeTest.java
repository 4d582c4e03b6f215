package dev.connectx.embedded.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class KeyValueTypeTest {

    private static KeyValue roundTrip(KeyValue key) {
        WriteBuffer out = new WriteBuffer();
        KeyValueType.INSTANCE.write(out, key);
        ByteBuffer in = out.getBuffer();
        in.flip();
        KeyValue read = KeyValueType.INSTANCE.read(in);
        assertEquals(0, in.remaining(), "read exactly what was written");
        return read;
    }

    @Test
    void keys_of_every_kind_read_back_equal_those_bson_cannot_hold_too() {
        List<KeyValue> keys = List.of(
                new KeyValue("PR-1/pending"),
                new KeyValue("caf\u00e9 \u2713 " + "x".repeat(300)),
                new KeyValue(""),
                new KeyValue(42, 42L, 4.2, true),
                new KeyValue((Object) null),
                new KeyValue(Instant.parse("2026-01-01T00:00:00Z"), new ObjectId()),
                new KeyValue(UUID.randomUUID()),
                new KeyValue(new Document("a", List.of(1, "b"))),
                new KeyValue(de.bwaldvogel.mongo.bson.Decimal128.ONE));
        for (KeyValue key : keys) {
            KeyValue read = roundTrip(key);
            assertEquals(key, read, key.toString());
            assertEquals(
                    key.stream().map(v -> v == null ? null : v.getClass()).toList(),
                    read.stream().map(v -> v == null ? null : v.getClass()).toList(),
                    "the same types: " + key);
        }
    }

    @Test
    void a_value_bson_would_change_is_kept_serialized_as_before() {
        KeyValue read = roundTrip(new KeyValue(Missing.getInstance(), "x"));

        // BSON would give null back; serialized, it stays the missing-field marker (Java serialization makes a new
        // instance of it, as H2's default format did).
        org.junit.jupiter.api.Assertions.assertInstanceOf(Missing.class, read.get(0));
        assertEquals("x", read.get(1));
        assertEquals(1, KeyValueType.encode(new KeyValue(Missing.getInstance()))[0], "the serialized tag");
        assertEquals(0, KeyValueType.encode(new KeyValue("x"))[0], "the BSON tag");
    }

    @Test
    void the_order_is_total_and_agrees_with_equals() {
        KeyValue a = new KeyValue("a");
        assertEquals(0, KeyValueType.INSTANCE.compare(a, new KeyValue("a")));
        assertNotEquals(0, KeyValueType.INSTANCE.compare(a, new KeyValue("b")));
        assertNotEquals(0, KeyValueType.INSTANCE.compare(new KeyValue(1), new KeyValue(1L)), "int and long differ");
        assertEquals(
                -Integer.signum(KeyValueType.INSTANCE.compare(a, new KeyValue("b"))),
                Integer.signum(KeyValueType.INSTANCE.compare(new KeyValue("b"), a)));
    }

    @Test
    void a_key_of_one_string_is_written_as_its_text_and_one_of_the_bson_form_still_reads() {
        WriteBuffer out = new WriteBuffer();
        KeyValueType.INSTANCE.write(out, new KeyValue("PR-1/pending"));
        ByteBuffer written = out.getBuffer().flip();
        assertEquals(2, written.get(0), "the tag of one string");
        assertEquals(1 + 1 + "PR-1/pending".length(), written.remaining(), "tag, length, UTF-8 bytes");

        // what a file written before holds for the same key: the BSON form
        ByteBuffer before = ByteBuffer.wrap(KeyValueType.encode(new KeyValue("PR-1/pending")));
        assertEquals(new KeyValue("PR-1/pending"), KeyValueType.INSTANCE.read(before));
    }
}
