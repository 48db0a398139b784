package dev.numgen.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket: request targets a client library would normalise or refuse (doubled
 * slashes, dot segments, encoded characters, raw CR, LF or invalid UTF-8), each request on its own connection, with a
 * deadline for the whole answer so that a request the service hangs on fails instead of waiting.
 */
public final class RawHttp {

    private final int port;
    private final Duration deadline;

    public RawHttp(int port, Duration deadline) {
        this.port = port;
        this.deadline = deadline;
    }

    /**
     * Sends {@code method target} with {@code headers} (name, value pairs, sent as given) and {@code body} (may be
     * empty); adds Host and Connection: close.
     *
     * @throws Hung when no complete answer arrived within the deadline
     */
    public HttpReply send(String method, byte[] target, List<Map.Entry<String, byte[]>> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii(method + " "));
        request.writeBytes(target);
        request.writeBytes(ascii(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"));
        for (Map.Entry<String, byte[]> header : headers) {
            request.writeBytes(ascii(header.getKey() + ": "));
            request.writeBytes(header.getValue());
            request.writeBytes(ascii("\r\n"));
        }
        request.writeBytes(ascii("\r\n"));
        request.writeBytes(body);
        return exchange(request.toByteArray());
    }

    private HttpReply exchange(byte[] request) {
        long until = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) deadline.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before it has read an oversized request; read what it said.
            }
            return parse(readAll(socket.getInputStream(), until));
        } catch (SocketTimeoutException e) {
            throw new Hung(deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from 127.0.0.1:" + port, e);
        }
    }

    private byte[] readAll(InputStream in, long until) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                bytes.write(buffer, 0, read);
                if (System.nanoTime() > until) {
                    throw new Hung(deadline);
                }
            }
        } catch (SocketException e) {
            // A reset after the answer (the server refused the rest of the request): what arrived is the answer.
        }
        return bytes.toByteArray();
    }

    private static HttpReply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (text.isEmpty() || split < 0) {
            return new HttpReply(-1, Map.of(), text);
        }
        String[] lines = text.substring(0, split).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(split + 4);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new HttpReply(Integer.parseInt(lines[0].split(" ", 3)[1]), headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** No complete answer within the deadline: the service hung on the request (or is far too slow). */
    public static final class Hung extends RuntimeException {
        Hung(Duration deadline) {
            super("no complete answer within " + deadline.toSeconds() + " s");
        }
    }
}
