package dev.numgen.server.security;

import dev.numgen.server.testing.Repository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security matrices' cases, read from the tables in {@code security-tests/cases/} (tab-separated, one row per case,
 * {@code #} lines are comments, the first other line names the columns), so that a case is added by adding a row.
 */
final class SecurityCases {

    static final Path DIRECTORY = Repository.file("security-tests/cases");

    private SecurityCases() {}

    /** A route that needs a token; {@code scope} null when it is served to nobody. */
    record Route(String method, String path, String scope, String what) {

        static final String VARIABLE_VALUE = "SecurityMatrix-1";

        /** The path with its parameter filled in. */
        String concretePath() {
            return path.replace("{var}", VARIABLE_VALUE);
        }

        /** As RouteRules writes it: without {@code /api}, a parameter as {@code *}. */
        String ruleKey() {
            return method + " " + path.replaceFirst("^/api/", "/").replace("{var}", "*");
        }

        boolean sendsBody() {
            return method.equals("POST") || method.equals("PUT");
        }
    }

    /** A way to spell a route; {@code rejected} when the firewall refuses it whatever the token. */
    record Spelling(String name, Pattern find, String replace, boolean rejected, String why) {

        private static final Pattern GROUP = Pattern.compile("\\$([UX]?)(\\d)");

        /** The route's path spelled this way, or empty when the spelling does not apply to it. */
        Optional<String> apply(String path) {
            Matcher matcher = find.matcher(path);
            if (!matcher.find()) {
                return Optional.empty();
            }
            String spelled = path.substring(0, matcher.start()) + substitute(matcher) + path.substring(matcher.end());
            return spelled.equals(path) && !name.equals("as-routed") ? Optional.empty() : Optional.of(spelled);
        }

        private String substitute(Matcher match) {
            Matcher group = GROUP.matcher(replace);
            StringBuilder out = new StringBuilder();
            while (group.find()) {
                String value = match.group(Integer.parseInt(group.group(2)));
                value = value == null ? "" : value;
                String rendered = switch (group.group(1)) {
                    case "U" -> value.toUpperCase(Locale.ROOT);
                    case "X" -> percentEncoded(value);
                    default -> value;
                };
                group.appendReplacement(out, Matcher.quoteReplacement(rendered));
            }
            group.appendTail(out);
            return out.toString();
        }

        private static String percentEncoded(String value) {
            StringBuilder out = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
            return out.toString();
        }
    }

    /**
     * A token defect and the refusal it must get: status, problem type, and {@code error} the WWW-Authenticate error
     * (empty for none).
     */
    record TokenDefect(String name, int status, String type, String error, String why) {}

    /**
     * A request with one hostile input. {@code expect} is "STATUS TYPE [FIELD]" for a refusal, or "accepted [TEXT]"
     * for free text that is stored as it is.
     */
    record Injection(
            String id,
            String field,
            String method,
            String target,
            String headers,
            String body,
            String expect,
            String why) {

        boolean accepted() {
            return expect.startsWith("accepted");
        }

        /** What an accepted case's response must hold. */
        String echo() {
            return expect.length() > "accepted ".length() ? expect.substring("accepted ".length()) : "";
        }

        int status() {
            return Integer.parseInt(expect.split(" ")[0]);
        }

        String type() {
            return expect.split(" ")[1];
        }

        /** The field the problem must name, or null when the case names none. */
        String problemField() {
            String[] parts = expect.split(" ", 3);
            return parts.length > 2 ? parts[2] : null;
        }

        /** The header lines as name and raw value. */
        List<Map.Entry<String, byte[]>> headerLines(Function<String, byte[]> expand) {
            List<Map.Entry<String, byte[]>> lines = new ArrayList<>();
            if (headers.isEmpty()) {
                return lines;
            }
            for (String line : headers.split(" \\|\\| ")) {
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1).stripLeading();
                lines.add(Map.entry(line.substring(0, colon), expand.apply(value)));
            }
            return lines;
        }
    }

    static List<Route> routes() {
        return rows("routes.tsv").stream()
                .map(row -> new Route(row[0], row[1], row[2].equals("nobody") ? null : row[2], row[3]))
                .toList();
    }

    static List<Spelling> spellings() {
        return rows("spellings.tsv").stream()
                .map(row -> new Spelling(row[0], Pattern.compile(row[1]), row[2], row[3].equals("rejected"), row[4]))
                .toList();
    }

    static List<TokenDefect> tokenDefects() {
        return rows("token-defects.tsv").stream()
                .map(row -> new TokenDefect(row[0], Integer.parseInt(row[1]), row[2], row[3], row[4]))
                .toList();
    }

    static List<Injection> injections() {
        return rows("injection.tsv").stream()
                .map(row -> new Injection(row[0], row[1], row[2], row[3], none(row[4]), none(row[5]), row[6], row[7]))
                .toList();
    }

    private static String none(String cell) {
        return cell.equals("-") ? "" : cell;
    }

    private static List<String[]> rows(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(DIRECTORY.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> data = lines.stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        int columns = data.get(0).split("\t", -1).length;
        List<String[]> rows = new ArrayList<>();
        for (String line : data.subList(1, data.size())) {
            String[] row = line.split("\t", -1);
            if (row.length != columns) {
                throw new IllegalStateException(
                        file + ": " + columns + " columns expected, " + row.length + " in " + Arrays.toString(row));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The bytes of a cell with its macros expanded: {@code {{repeat N text}}}, {@code {{CR}}}, {@code {{LF}}},
     * {@code {{NUL}}}, {@code {{byte HH}}} and the names in {@code names} ({@code {{rule}}} ...). Text is UTF-8.
     */
    static byte[] expand(String cell, Map<String, String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < cell.length()) {
            int open = cell.indexOf("{{", at);
            if (open < 0) {
                out.writeBytes(cell.substring(at).getBytes(StandardCharsets.UTF_8));
                break;
            }
            int close = closing(cell, open + 2);
            String macro = close < 0 ? null : cell.substring(open + 2, close);
            byte[] expanded = macro == null ? null : macro(macro, names);
            if (expanded == null) {
                out.writeBytes(cell.substring(at, open + 2).getBytes(StandardCharsets.UTF_8));
                at = open + 2;
                continue;
            }
            out.writeBytes(cell.substring(at, open).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(expanded);
            at = close + 2;
        }
        return out.toByteArray();
    }

    /** Where the macro opened before {@code from} ends: the last two braces of the first run of closing braces. */
    private static int closing(String cell, int from) {
        int run = cell.indexOf("}}", from);
        if (run < 0) {
            return -1;
        }
        int end = run;
        while (end < cell.length() && cell.charAt(end) == '}') {
            end++;
        }
        return end - 2;
    }

    private static byte[] macro(String macro, Map<String, String> names) {
        if (names.containsKey(macro)) {
            return names.get(macro).getBytes(StandardCharsets.UTF_8);
        }
        switch (macro) {
            case "CR":
                return new byte[] {'\r'};
            case "LF":
                return new byte[] {'\n'};
            case "NUL":
                return new byte[] {0};
            default:
        }
        if (macro.matches("byte [0-9A-Fa-f]{2}")) {
            return new byte[] {(byte) Integer.parseInt(macro.substring(5), 16)};
        }
        Matcher repeat = Pattern.compile("(?s)repeat (\\d+) (.+)").matcher(macro);
        if (repeat.matches()) {
            return repeat.group(2).repeat(Integer.parseInt(repeat.group(1))).getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
