package dev.coview.local.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket written by hand on a TCP socket, for what no library client does: send text frames that are not UTF-8
 * or arbitrary opcodes, or answer nothing at all, not even the server's pings, like a frozen tab or a dead link
 * (every library client answers pings on its own). RFC 6455 handshake and framing only (client frames masked, as
 * the RFC requires); the browser's subprotocols ({@link Subprotocols}) and an {@code Origin}.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code path} on 127.0.0.1:{@code port} from {@code origin}; returns after the 101. */
    public static RawWebSocket connect(int port, String path, String token, String origin) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + String.join(", ", Subprotocols.forToken(token)) + "\r\n"
                + "Origin: " + origin + "\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        RawWebSocket c = new RawWebSocket(s);
        String status = c.readLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("upgrade refused: " + status);
        }
        while (!c.readLine().isEmpty()) {
            // Headers: nothing to check beyond the status.
        }
        return c;
    }

    /** Sends one final frame with {@code opcode} (1 text, 2 binary) and {@code payload}, masked. */
    public void send(int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(0x80 | 127);
            long len = payload.length;
            for (int i = 7; i >= 0; i--) {
                out.write((int) (len >>> (8 * i)) & 0xFF);
            }
        }
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    /**
     * Sends one frame that the service may refuse before it has read all of it (the write then fails: the service
     * closed), and answers the close code as {@link #awaitClose} does.
     */
    public int sendUntilClosed(int opcode, byte[] payload, Duration timeout) throws IOException {
        try {
            send(opcode, payload);
        } catch (IOException closedMidFrame) {
            // Whatever the service wrote before closing is still to be read below.
        }
        return awaitClose(timeout);
    }

    /** {@link #awaitClose(Duration, List)}, the texts received meanwhile unread. */
    public int awaitClose(Duration timeout) throws IOException {
        return awaitClose(timeout, new ArrayList<>());
    }

    /**
     * Reads frames, answering none (pings included), until the server's close frame; returns its code, 1006 if the
     * connection ended without one, or 0 if nothing came for {@code timeout} (texts received meanwhile go to
     * {@code texts}).
     */
    public int awaitClose(Duration timeout, List<String> texts) throws IOException {
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
                int opcode = b0 & 0x0F;
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
                if (opcode == 0x1) {
                    texts.add(new String(payload, StandardCharsets.UTF_8));
                }
            }
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (EOFException | SocketException e) {
            return 1006;
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
