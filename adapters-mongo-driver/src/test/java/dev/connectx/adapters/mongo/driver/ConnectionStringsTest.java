package dev.connectx.adapters.mongo.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionStringsTest {

    @Test
    void builds_the_original_examples_atlas_string_with_encoded_credentials() {
        assertEquals(
                "mongodb+srv://conn%40x:p%40ss%3Aw%2Frd%20%25@cluster0.abcde.mongodb.net/",
                ConnectionStrings.forAtlasHost("cluster0.abcde.mongodb.net", "conn@x", "p@ss:w/rd %"));
    }

    @Test
    void builds_a_string_without_credentials_when_no_user_is_given() {
        assertEquals(
                "mongodb+srv://cluster0.abcde.mongodb.net/",
                ConnectionStrings.forAtlasHost("cluster0.abcde.mongodb.net", null, null));
    }

    @Test
    void refuses_a_connection_string_where_a_host_belongs() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionStrings.forAtlasHost("mongodb://h/", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> ConnectionStrings.forAtlasHost(" ", "u", "p"));
    }

    @Test
    void redacts_passwords_and_keeps_the_rest() {
        assertEquals(
                "mongodb+srv://connectx:****@cluster0.abcde.mongodb.net/?retryWrites=true",
                ConnectionStrings.redact(
                        "mongodb+srv://connectx:s3cr%40t@cluster0.abcde.mongodb.net/?retryWrites=true"));
        assertEquals(
                "mongodb://h1:27017,h2:27017/db?replicaSet=rs0&password=****&w=majority",
                ConnectionStrings.redact("mongodb://h1:27017,h2:27017/db?replicaSet=rs0&password=hunter2&w=majority"));
        assertEquals("mongodb://127.0.0.1:27017", ConnectionStrings.redact("mongodb://127.0.0.1:27017"));
        assertEquals("mongodb://user@h/", ConnectionStrings.redact("mongodb://user@h/"));
    }

    @Test
    void redacts_every_credential_bearing_option() {
        String uri =
                "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:FwoGZXIvYXdzEXAMPLE,SERVICE_NAME:x"
                        + "&tls=true&tlsCertificateKeyFilePassword=kp4ss&proxyHost=p&proxyPassword=pp4ss&sslClientCertificateKeyPassword=sp4ss"
                        + "&appName=a";

        String redacted = ConnectionStrings.redact(uri);

        assertEquals(
                "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=****&tls=true&tlsCertificateKeyFilePassword=****"
                        + "&proxyHost=p&proxyPassword=****&sslClientCertificateKeyPassword=****&appName=a",
                redacted);
        for (String secret : new String[] {"FwoGZXIvYXdzEXAMPLE", "kp4ss", "pp4ss", "sp4ss"}) {
            assertFalse(redacted.contains(secret), redacted);
        }
        assertFalse(ConnectionStrings.redact("mongodb://h/?AUTHMECHANISMPROPERTIES=AWS_SESSION_TOKEN:t0k")
                .contains("t0k"));
    }

    @Test
    void settings_never_print_the_password() {
        MongoDriverSettings settings =
                MongoDriverSettings.of(ConnectionStrings.forAtlasHost("c.example.net", "u", "hunter2"));
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MongoDriverSettings.of("postgres://u:hunter2@h/"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void settings_refuse_a_malformed_connection_string_without_echoing_the_password() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> MongoDriverSettings.of("mongodb://user:hunter2@host:notaport/"));
        assertTrue(e.getMessage().startsWith("the MongoDB connection string is malformed: "), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void settings_refuse_invalid_names() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MongoDriverSettings.of("mongodb://h/").withDatabase("a.b"));
        assertThrows(
                IllegalArgumentException.class,
                () -> MongoDriverSettings.of("mongodb://h/").withCollection(""));
        assertThrows(
                IllegalArgumentException.class,
                () -> MongoDriverSettings.of("mongodb://h/").withCollection("system.users"));
    }
}
