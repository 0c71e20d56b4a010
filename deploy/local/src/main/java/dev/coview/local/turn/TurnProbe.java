package dev.coview.local.turn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal TURN client over UDP (RFC 8656 Allocate with the long-term credential mechanism of RFC 8489), enough
 * to ask a TURN server the one question that matters: does it relay for this username and password? Used as
 * {@link TurnServer}'s readiness check (a STUN Binding) and by tests that check credentials are honoured or refused.
 * Not a general STUN library: no retransmission beyond a fixed number of tries, IPv4 relayed addresses only.
 */
public final class TurnProbe {

    /** What an Allocate ended in. */
    public sealed interface Outcome permits Allocated, Refused {
    }

    /** The server relays: {@code relayed} is the address peers would send to. */
    public record Allocated(InetSocketAddress relayed) implements Outcome {
    }

    /** The server said no: STUN error code (401 unauthorized, 403 forbidden, …) and its reason phrase. */
    public record Refused(int code, String reason) implements Outcome {
    }

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int ALLOCATE_REQUEST = 0x0003;
    private static final int ALLOCATE_SUCCESS = 0x0103;
    private static final int REFRESH_REQUEST = 0x0004;
    private static final int REFRESH_SUCCESS = 0x0104;
    private static final int ATTR_USERNAME = 0x0006;
    private static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    private static final int ATTR_ERROR_CODE = 0x0009;
    private static final int ATTR_LIFETIME = 0x000D;
    private static final int ATTR_REALM = 0x0014;
    private static final int ATTR_NONCE = 0x0015;
    private static final int ATTR_XOR_RELAYED_ADDRESS = 0x0016;
    private static final int ATTR_REQUESTED_TRANSPORT = 0x0019;
    private static final int UDP = 17;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InetSocketAddress server;
    private final Duration timeout;

    /** A probe of the TURN server at {@code server}; each answer is awaited at most {@code timeout} per try. */
    public TurnProbe(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** Whether the server answers a STUN Binding request (it listens and serves). */
    public boolean answersBinding() {
        try (DatagramSocket socket = new DatagramSocket(0, localFor(server.getAddress()))) {
            return type(exchange(socket, message(BINDING_REQUEST, new byte[0]))) == BINDING_SUCCESS;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Allocates a UDP relay with {@code username}/{@code password} (the first Allocate learns the realm and nonce
     * from the server's 401, the second carries the credential), then releases it at once (Refresh, lifetime 0).
     */
    public Outcome allocate(String username, String password) throws IOException {
        return allocate(username, password, null);
    }

    /**
     * Allocates as {@link #allocate(String, String)}; when {@code refreshAt} is given, keeps the allocation until
     * then and answers what the server says to a Refresh that asks to keep it longer (what a browser sends every few
     * minutes during a call): {@link Allocated} if it still relays, {@link Refused} if not.
     */
    public Outcome allocate(String username, String password, java.time.Instant refreshAt) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, localFor(server.getAddress()))) {
            byte[] transport = {UDP, 0, 0, 0};
            byte[] challenge = exchange(socket, message(ALLOCATE_REQUEST, attribute(ATTR_REQUESTED_TRANSPORT, transport)));
            if (type(challenge) == ALLOCATE_SUCCESS) {
                throw new IOException("the TURN server allocated without asking for a credential");
            }
            Refused first = errorOf(challenge);
            byte[] realm = find(challenge, ATTR_REALM);
            byte[] nonce = find(challenge, ATTR_NONCE);
            if (first.code() != 401 || realm == null || nonce == null) {
                return first;
            }
            byte[] key = md5(username + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + password);
            byte[] auth = concat(attribute(ATTR_USERNAME, utf8(username)), attribute(ATTR_REALM, realm),
                    attribute(ATTR_NONCE, nonce));
            byte[] answer = exchange(socket, signed(ALLOCATE_REQUEST,
                    concat(attribute(ATTR_REQUESTED_TRANSPORT, transport), auth), key));
            if (type(answer) != ALLOCATE_SUCCESS) {
                return errorOf(answer);
            }
            byte[] relayed = find(answer, ATTR_XOR_RELAYED_ADDRESS);
            if (relayed == null) {
                throw new IOException("Allocate succeeded without XOR-RELAYED-ADDRESS");
            }
            Outcome outcome = new Allocated(xorAddress(relayed));
            if (refreshAt != null) {
                waitUntil(refreshAt);
                byte[] tenMinutes = ByteBuffer.allocate(4).putInt(600).array();
                byte[] refreshed = exchange(socket, signed(REFRESH_REQUEST,
                        concat(attribute(ATTR_LIFETIME, tenMinutes), auth), key));
                if (type(refreshed) != REFRESH_SUCCESS) {
                    return errorOf(refreshed);
                }
            }
            // Release it: a probe should not hold a relay port for the allocation's lifetime (10 min).
            exchange(socket, signed(REFRESH_REQUEST, concat(attribute(ATTR_LIFETIME, new byte[4]), auth), key));
            return outcome;
        }
    }

    private static void waitUntil(java.time.Instant t) throws IOException {
        long millis = java.time.Duration.between(java.time.Instant.now(), t).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while holding an allocation", e);
            }
        }
    }

    private byte[] exchange(DatagramSocket socket, byte[] request) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] buf = new byte[2048];
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(request, request.length, server));
            try {
                while (true) {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    byte[] answer = Arrays.copyOf(in.getData(), in.getLength());
                    // Same transaction id: the answer to this request, not a late one to an earlier try.
                    if (answer.length >= 20 && Arrays.equals(answer, 8, 20, request, 8, 20)) {
                        return answer;
                    }
                }
            } catch (SocketTimeoutException e) {
                // UDP: send again.
            }
        }
        throw new IOException("no answer from the TURN server at " + server + " after 3 tries");
    }

    private static InetAddress localFor(InetAddress remote) throws IOException {
        return remote.isLoopbackAddress() ? remote : InetAddress.getByName("0.0.0.0");
    }

    private static byte[] message(int type, byte[] attributes) {
        ByteBuffer b = ByteBuffer.allocate(20 + attributes.length);
        byte[] txid = new byte[12];
        RANDOM.nextBytes(txid);
        b.putShort((short) type).putShort((short) attributes.length).putInt(MAGIC_COOKIE).put(txid).put(attributes);
        return b.array();
    }

    /** The message with MESSAGE-INTEGRITY: HMAC-SHA1 over the message whose length already counts that attribute. */
    private static byte[] signed(int type, byte[] attributes, byte[] key) {
        byte[] m = message(type, attributes);
        ByteBuffer.wrap(m).putShort(2, (short) (attributes.length + 24));
        byte[] mac = hmacSha1(key, m);
        return ByteBuffer.wrap(concat(m, attribute(ATTR_MESSAGE_INTEGRITY, mac)))
                .putShort(2, (short) (attributes.length + 24)).array();
    }

    private static byte[] attribute(int type, byte[] value) {
        int padded = (value.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(4 + padded);
        b.putShort((short) type).putShort((short) value.length).put(value);
        return b.array();
    }

    private static int type(byte[] message) {
        return ((message[0] & 0xff) << 8) | (message[1] & 0xff);
    }

    private static byte[] find(byte[] message, int wanted) {
        ByteBuffer b = ByteBuffer.wrap(message);
        int end = Math.min(message.length, 20 + (b.getShort(2) & 0xffff));
        for (int pos = 20; pos + 4 <= end; ) {
            int type = b.getShort(pos) & 0xffff;
            int len = b.getShort(pos + 2) & 0xffff;
            if (type == wanted && pos + 4 + len <= end) {
                return Arrays.copyOfRange(message, pos + 4, pos + 4 + len);
            }
            pos += 4 + ((len + 3) & ~3);
        }
        return null;
    }

    private static Refused errorOf(byte[] message) {
        byte[] error = find(message, ATTR_ERROR_CODE);
        if (error == null || error.length < 4) {
            return new Refused(0, "answer of type 0x" + Integer.toHexString(type(message)) + " without ERROR-CODE");
        }
        int code = (error[2] & 0x7) * 100 + (error[3] & 0xff);
        return new Refused(code, new String(error, 4, error.length - 4, StandardCharsets.UTF_8));
    }

    private static InetSocketAddress xorAddress(byte[] value) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(value);
        if (value.length != 8 || value[1] != 0x01) {
            throw new IOException("only IPv4 relayed addresses are understood");
        }
        int port = (b.getShort(2) & 0xffff) ^ (MAGIC_COOKIE >>> 16);
        int ip = b.getInt(4) ^ MAGIC_COOKIE;
        return new InetSocketAddress(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(ip).array()), port);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(utf8(s));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
