package dev.coview.reliability.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload written by hand on a TCP socket, as an attacker sends it: the headers, then the body in 64 KiB pieces on a
 * thread of its own while the answer is read on the caller's, so a service that answers before reading the body is
 * seen doing so (the sender stops when the connection closes). {@code length < 0} sends the body chunked, with no
 * {@code Content-Length}.
 */
public final class RawUpload {

    /** What came back: status line, headers and body as text, and how many body bytes had been sent by then. */
    public record Result(int status, String head, String body, long sentWhenAnswered, long sentInAll,
                         long millis) {
        public boolean problemJson() {
            return head.toLowerCase().contains("content-type: " + Http.PROBLEM_JSON);
        }
    }

    private RawUpload() {
    }

    public static Result send(int port, String method, String path, Map<String, String> headers, long length) {
        long started = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            long total = Math.abs(length);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> body(out, total, length < 0, sent), "raw-upload-body");
            sender.setDaemon(true);
            sender.start();
            String answer = readAnswer(socket.getInputStream());
            long whenAnswered = sent.get();
            socket.close();
            sender.join();
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            return new Result(status, answer.substring(0, Math.max(0, split)), split < 0 ? ""
                    : answer.substring(split + 4), whenAnswered, sent.get(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A chunked upload that sends one chunk of {@code first} bytes and then nothing, without ending its body (a
     * slow-loris client): the answer and how long it took, or status 0 when none came within {@code waitMillis}.
     */
    public static Result stalled(int port, String method, String path, Map<String, String> headers, int first,
                                 int waitMillis) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(waitMillis);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            head.append(Integer.toHexString(first)).append("\r\n").append("x".repeat(first)).append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer;
            try {
                answer = readAnswer(socket.getInputStream());
            } catch (java.net.SocketTimeoutException stillWaiting) {
                return new Result(0, "", "", first, first, (System.nanoTime() - started) / 1_000_000);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            int split = answer.indexOf("\r\n\r\n");
            return new Result(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, Math.max(0, split)),
                    split < 0 ? "" : answer.substring(split + 4), first, first, millis);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static void body(OutputStream out, long total, boolean chunked, AtomicLong sent) {
        byte[] piece = new byte[64 * 1024];
        try {
            while (sent.get() < total) {
                int n = (int) Math.min(piece.length, total - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closed) {
            // The service answered and closed the connection: what was sent so far is the figure.
        }
    }

    /** The response up to the end of its body (Content-Length) or of the connection. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            all.write(buf, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            if (split >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                        .matcher(text.substring(0, split));
                if (m.find() && text.length() - split - 4 >= Integer.parseInt(m.group(1))) {
                    break;
                }
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
