package dev.numgen.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets this JVM listens on, read from Linux's {@code /proc}. */
public final class ListeningSockets {

    /** One listening socket: the address it is bound to and its port. */
    public record Listener(String address, int port) {
        @Override
        public String toString() {
            return address + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    public static Set<Listener> ofThisProcess() {
        Set<String> ownSockets = ownSocketInodes();
        Set<Listener> listeners = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            List<String> rows = lines(Path.of(table));
            for (String line : rows.subList(1, rows.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && ownSockets.contains(fields[9])) {
                    listeners.add(listener(fields[1]));
                }
            }
        }
        return listeners;
    }

    /** The inodes of the sockets among this process's open files ({@code socket:[inode]} links). */
    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing is no listener
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (IPv4, each 32-bit word little-endian) or 32 hex digits for IPv6. */
    private static Listener listener(String field) {
        String[] parts = field.split(":");
        byte[] address = new byte[parts[0].length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                address[word * 4 + i] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        try {
            return new Listener(InetAddress.getByAddress(address).getHostAddress(), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + field, e);
        }
    }

    private static List<String> lines(Path table) {
        try {
            return Files.exists(table) ? Files.readAllLines(table) : List.of("header");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
