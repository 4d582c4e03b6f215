package dev.connectx.testing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository, found from wherever the test runs (a module's folder, at any depth, or the root): the
 * root is the nearest folder upwards that holds {@code mvnw}.
 */
public final class RepositoryFiles {

    private RepositoryFiles() {}

    public static Path root() {
        Path folder = Path.of("").toAbsolutePath();
        for (Path candidate = folder; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and pom.xml) above " + folder);
    }

    /** A file of the repository, by its path from the root. */
    public static Path file(String pathFromRoot) {
        return root().resolve(pathFromRoot);
    }

    public static String read(String pathFromRoot) {
        try {
            return Files.readString(file(pathFromRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code samples/purchase-request.json}: the request the README posts. */
    public static String samplePurchaseRequest() {
        return read("samples/purchase-request.json");
    }
}
