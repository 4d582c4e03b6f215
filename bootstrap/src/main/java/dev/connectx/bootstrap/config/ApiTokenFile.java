package dev.connectx.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code CONNECTX_API_TOKEN_FILE}: the API token kept in a file, made on first start when the file does not exist (32
 * random bytes in hex, readable by its owner only). A container gets a token without anyone choosing one, and an
 * operator reads it where the container keeps its data; the token itself is never logged.
 */
final class ApiTokenFile {

    private ApiTokenFile() {}

    /** The token the file holds, made first when there is no file. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                // another instance on the same volume made it first: read theirs
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    }
}
