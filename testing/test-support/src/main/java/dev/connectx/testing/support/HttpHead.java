package dev.connectx.testing.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The few pieces of HTTP/1.1 the loopback proxy reads and writes itself: a request head, a header, a short answer. */
final class HttpHead {

    private HttpHead() {}

    /** The head up to the blank line, without it; null when the stream ends first or the head is over {@code max}. */
    static String read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < max) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    /** The first value of header {@code name} (any case) among a head's lines after the request line; else null. */
    static String header(List<String> lines, String name) {
        return lines.stream()
                .skip(1)
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElse(null);
    }

    /** Answers {@code status} with no body and closes the exchange. */
    static void answer(Socket client, String status) throws IOException {
        client.getOutputStream()
                .write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
    }
}
