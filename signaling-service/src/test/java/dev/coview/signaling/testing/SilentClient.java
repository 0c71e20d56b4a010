package dev.coview.signaling.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client that completes the handshake and then never answers anything, not even the server's pings,
 * like a frozen tab or a dead link: every library client answers pings on its own, so this one is written by hand
 * on a plain TCP socket (RFC 6455 handshake and frame headers only).
 */
public final class SilentClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    private SilentClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code /ws/signal} on 127.0.0.1:{@code port} with the browser's subprotocols; returns after the 101. */
    public static SilentClient connect(int port, String token) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        List<String> protocols = Subprotocols.forToken(token);
        String key = Base64.getEncoder().encodeToString("coview-idle-test".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws/signal HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + String.join(", ", protocols) + "\r\n"
                + "Origin: " + SignalClient.ORIGIN + "\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        SilentClient c = new SilentClient(s);
        String status = c.readLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("upgrade refused: " + status);
        }
        while (!c.readLine().isEmpty()) {
            // Response headers: nothing to check beyond the status.
        }
        return c;
    }

    /**
     * Reads frames (welcome, pings…) without answering until the server's close frame; returns its code, or
     * -1 if the connection ended without one.
     */
    public int awaitCloseCode(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((b0 & 0x0F) == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close frame within " + timeout, e);
        } catch (java.io.EOFException e) {
            return -1;
        }
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
