package dev.numgen.server.testing;

import java.nio.file.Path;

/** The checkout the tests run from, wherever Maven starts them: the scripts under {@code bin/} and {@code security-tests/} live there. */
public final class Repository {

    private Repository() {}

    /** A path inside the repository, e.g. {@code file("bin/cluster")}. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }

    public static Path root() {
        String configured = System.getProperty("numgen.repository");
        return (configured == null ? Path.of("..") : Path.of(configured))
                .toAbsolutePath()
                .normalize();
    }
}
