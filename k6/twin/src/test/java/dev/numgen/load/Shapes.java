package dev.numgen.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's k6/shapes, from this module's directory (where surefire runs the tests). */
final class Shapes {

    private Shapes() {}

    static Path file(String name) {
        Path file = Path.of("..", "shapes", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no shape " + file);
        }
        return file;
    }
}
