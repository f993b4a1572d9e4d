package dev.gatehouse.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes a real HTTP client would never send, over a raw socket: what a hostile client does. Each
 * exchange uses a fresh connection and reads until the server closes it, goes silent for
 * {@code silenceMs}, or the head of the answer has arrived.
 */
final class RawHttp {

    /** What came back: the answer's text (ISO-8859-1, byte for byte), and whether the server went silent first. */
    record Answer(String text, boolean silent) {

        boolean isEmpty() {
            return text.isEmpty();
        }

        int status() {
            return text.matches("(?s)[A-Za-z]+/[0-9]\\.[0-9] [0-9]{3} .*") ? Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4)) : -1;
        }

        /** The head, lower-cased, for looking up headers. */
        String head() {
            int end = text.indexOf("\r\n\r\n");
            return (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        }

        boolean hasHeader(String name) {
            return head().contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }

        boolean hasSecurityHeaders() {
            return head().contains("\r\ncontent-security-policy: ") && head().contains("\r\nx-content-type-options: nosniff");
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String request, int silenceMs) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), silenceMs);
    }

    static Answer send(int port, byte[] request, int silenceMs) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(silenceMs);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before it has read everything; what it said is still there to read.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean silent = false;
            try {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException timedOut) {
                silent = true;
            } catch (IOException reset) {
                // A reset after the answer is fine; before it, the answer is empty and says so.
            }
            return new Answer(answer.toString(StandardCharsets.ISO_8859_1), silent);
        }
    }

    /** The bytes, printable: escapes for everything outside printable ASCII, cut after 300 characters. */
    static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
            if (text.length() > 300) {
                return text + "...";
            }
        }
        return text.toString();
    }
}
