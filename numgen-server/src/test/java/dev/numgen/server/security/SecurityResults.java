package dev.numgen.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of SecurityMatrixTest as Markdown, one line per case, written to {@code
 * target/security-tests/results.md} whether the run passed or not; security-tests/README.md holds a copy of a passing
 * run's.
 */
final class SecurityResults {

    static final Path FILE = Path.of("target", "security-tests", "results.md");

    private final List<String> sections = new ArrayList<>();

    /** A section: a heading, a paragraph and a table whose first row is its header. */
    void section(String heading, String text, List<List<String>> table) {
        StringBuilder out = new StringBuilder("### ").append(heading).append("\n\n");
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
        for (int i = 0; i < table.size(); i++) {
            out.append(row(table.get(i)));
            if (i == 0) {
                out.append(row(table.get(0).stream().map(cell -> "---").toList()));
            }
        }
        sections.add(out.toString());
    }

    void write() {
        String document =
                "## Results of a run (" + LocalDate.now() + ")\n\nWritten by SecurityMatrixTest from the tables in"
                        + " security-tests/cases/; regenerate with `./mvnw -o -pl numgen-server -am test"
                        + " -Dtest=SecurityMatrixTest -Dsurefire.failIfNoSpecifiedTests=false`"
                        + " (numgen-server/target/security-tests/results.md).\n\n"
                        + String.join("\n", sections);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as a table cell: pipes escaped, control characters and long runs shown, not written. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '|') {
                out.append("\\|");
            } else if (c == '`') {
                out.append("'");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        String shown = out.toString();
        return shown.length() > 120 ? shown.substring(0, 100) + "…(" + text.length() + " characters)" : shown;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
