package dev.numgen.provisional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The provisional journal as an append-only file of one line per number, each line carrying a CRC-32 of its content,
 * forced to disk before {@link #append} returns. A file {@code synced} beside it holds how many leading entries the
 * cluster has; it is replaced atomically. On open, a damaged last line (the process died while writing it, so its
 * number was never returned) is cut off; damage anywhere else stops the node from starting, since entries would be
 * lost.
 *
 * <p>Line: {@code crc32-hex TAB value TAB issuedAt TAB ruleVersion TAB node TAB prefixKey TAB number TAB variables},
 * variables as {@code name=value&...}. No field can hold a tab, newline, {@code &} or {@code =}: prefix keys, node
 * tags, variable names and values and numbers are drawn from letters, digits, {@code -_./#:} and {@code ~}.
 */
public final class FileProvisionalJournal implements ProvisionalJournal {

    static final String JOURNAL_FILE = "journal.log";
    static final String SYNCED_FILE = "synced";

    private final Path directory;
    private final FileChannel channel;
    private final List<ProvisionalNumber> unsynced = new ArrayList<>();
    private long highestValue;
    private long syncedCount;

    private FileProvisionalJournal(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    /** Opens (creating if absent) the journal in {@code directory}. */
    public static FileProvisionalJournal open(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(
                    directory.resolve(JOURNAL_FILE),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileProvisionalJournal journal = new FileProvisionalJournal(directory, channel);
            try {
                journal.lock();
                journal.load();
                return journal;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the provisional journal in " + directory, e);
        }
    }

    /** Two processes (or contexts) appending to one journal would interleave lines; the second is refused. */
    private void lock() throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("The provisional journal in " + directory
                    + " is in use by another numgen node; each node needs a journal directory of its own");
        }
    }

    private void load() throws IOException {
        Path syncedFile = directory.resolve(SYNCED_FILE);
        syncedCount = Files.exists(syncedFile)
                ? Long.parseLong(
                        Files.readString(syncedFile, StandardCharsets.US_ASCII).trim())
                : 0;
        byte[] content = Files.readAllBytes(directory.resolve(JOURNAL_FILE));
        long entries = 0;
        int lineStart = 0;
        while (lineStart < content.length) {
            int newline = indexOf(content, (byte) '\n', lineStart);
            ProvisionalNumber entry = newline < 0
                    ? null
                    : parse(new String(content, lineStart, newline - lineStart, StandardCharsets.UTF_8));
            if (entry == null) {
                int nextNewline = newline < 0 ? -1 : indexOf(content, (byte) '\n', newline + 1);
                if (newline >= 0 && nextNewline >= 0) {
                    throw new IllegalStateException(
                            "The provisional journal " + directory.resolve(JOURNAL_FILE) + " is damaged at byte "
                                    + lineStart + "; it must be repaired by hand, nothing was changed");
                }
                // The last line was being written when the process died; its number was never returned.
                channel.truncate(lineStart);
                channel.force(true);
                break;
            }
            entries++;
            highestValue = Math.max(highestValue, entry.value());
            if (entries > syncedCount) {
                unsynced.add(entry);
            }
            lineStart = newline + 1;
        }
        if (syncedCount > entries) {
            throw new IllegalStateException("The provisional journal in " + directory + " holds " + entries
                    + " entries but records " + syncedCount + " as synced");
        }
        channel.position(channel.size());
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public synchronized long highestValue() {
        return highestValue;
    }

    @Override
    public synchronized void append(List<ProvisionalNumber> entries) {
        StringBuilder lines = new StringBuilder(entries.size() * 96);
        for (ProvisionalNumber entry : entries) {
            String payload = format(entry);
            lines.append(crc(payload)).append('\t').append(payload).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the provisional journal in " + directory, e);
        }
        for (ProvisionalNumber entry : entries) {
            highestValue = Math.max(highestValue, entry.value());
        }
        unsynced.addAll(entries);
    }

    @Override
    public synchronized List<ProvisionalNumber> unsynced() {
        return List.copyOf(unsynced);
    }

    @Override
    public synchronized void markSynced(int count) {
        if (count < 0 || count > unsynced.size()) {
            throw new IllegalArgumentException("only " + unsynced.size() + " entries are unsynced, not " + count);
        }
        if (count == 0) {
            return;
        }
        long synced = syncedCount + count;
        try {
            Path draft = directory.resolve(SYNCED_FILE + ".tmp");
            try (FileChannel out = FileChannel.open(
                    draft, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(Long.toString(synced).getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            Files.move(draft, directory.resolve(SYNCED_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not fatal: the next sync sends these entries again, and the cluster keeps the first copy.
            throw new UncheckedIOException("Cannot record the synced position of the provisional journal", e);
        }
        syncedCount = synced;
        unsynced.subList(0, count).clear();
    }

    /** Closes the file; the journal cannot be used afterwards. */
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(ProvisionalNumber entry) {
        StringBuilder variables = new StringBuilder();
        new TreeMap<>(entry.variables()).forEach((name, value) -> {
            if (!variables.isEmpty()) {
                variables.append('&');
            }
            variables.append(checked(name)).append('=').append(checked(value));
        });
        return String.join(
                "\t",
                Long.toString(entry.value()),
                Long.toString(entry.issuedAt()),
                Long.toString(entry.ruleVersion()),
                checked(entry.node()),
                checked(entry.prefixKey()),
                checked(entry.number()),
                variables);
    }

    private static String checked(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '&' || c == '=') {
                throw new IllegalArgumentException("a journal field may not contain " + (int) c + ": " + field);
            }
        }
        return field;
    }

    /** The entry of a line, or null when the line is damaged. */
    private static ProvisionalNumber parse(String line) {
        int tab = line.indexOf('\t');
        if (tab != 8 || !line.substring(0, tab).equals(crc(line.substring(tab + 1)))) {
            return null;
        }
        String[] fields = line.substring(tab + 1).split("\t", -1);
        if (fields.length != 7) {
            return null;
        }
        Map<String, String> variables = new TreeMap<>();
        if (!fields[6].isEmpty()) {
            for (String pair : fields[6].split("&")) {
                int equals = pair.indexOf('=');
                variables.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return new ProvisionalNumber(
                fields[5],
                fields[4],
                Long.parseLong(fields[2]),
                variables,
                Long.parseLong(fields[1]),
                fields[3],
                Long.parseLong(fields[0]));
    }

    private static String crc(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
