package dev.coview.local.turn;

import dev.coview.local.servers.ChildProcess;
import dev.coview.local.servers.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real coturn ({@code turnserver} from Debian's {@code coturn} package) on a free port, under the same watchdog
 * as Redis and Kafka. It checks credentials exactly as the Kubernetes component does ({@code use-auth-secret} with
 * a {@code static-auth-secret} shared with room-service, see deploy/kubernetes/components/coturn), with a fresh
 * random secret per run.
 *
 * <p>It listens on the given addresses only (loopback by default; a test adds the gateway addresses of the network
 * namespaces it made), relays from 127.0.0.1 only, and relays only to 127.0.0.1: two browsers that each reach it
 * meet on two loopback relay ports, and it can be used to reach nothing else on the machine or beyond.
 */
public final class TurnServer implements AutoCloseable {

    /** The realm of the local stack's credentials (coturn's answer to a first Allocate names it). */
    public static final String REALM = "coview.local";

    /** Tries before giving up when the picked port was taken before coturn bound it. */
    private static final int BIND_ATTEMPTS = 3;

    private final ChildProcess process;
    private final int port;
    private final String secret;
    private final List<String> addresses;

    private TurnServer(ChildProcess process, int port, String secret, List<String> addresses) {
        this.process = process;
        this.port = port;
        this.secret = secret;
        this.addresses = addresses;
    }

    /**
     * Starts coturn in {@code workDir} listening on {@code addresses} (IPv4 literals; loopback, or addresses of the
     * caller's own test network namespaces) and waits until it answers a STUN Binding.
     */
    public static TurnServer start(Path workDir, List<String> addresses, Duration timeout) throws IOException {
        String binary = findBinary();
        String secret = randomSecret();
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(workDir);
            int port = FreePort.pick();
            Path conf = workDir.resolve("turnserver.conf");
            Files.writeString(conf, config(workDir, port, secret, addresses));
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
            Path log = workDir.resolveSibling(workDir.getFileName() + ".log");
            ChildProcess p = ChildProcess.start("coturn", List.of(binary, "-c", conf.toString()), workDir, log, Map.of());
            TurnServer server = new TurnServer(p, port, secret, List.copyOf(addresses));
            try {
                server.awaitReady(timeout);
                return server;
            } catch (IOException e) {
                p.close();
                if (attempt >= BIND_ATTEMPTS || !ChildProcess.tail(log, 200).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /** Starts coturn on loopback only. */
    public static TurnServer start(Path workDir, Duration timeout) throws IOException {
        return start(workDir, List.of("127.0.0.1"), timeout);
    }

    /**
     * coturn's settings: the Kubernetes component's (turnserver.conf there) where they apply, with loopback relay
     * addresses and peers instead of public ones.
     */
    static String config(Path workDir, int port, String secret, List<String> addresses) {
        StringBuilder c = new StringBuilder();
        addresses.forEach(a -> c.append("listening-ip=").append(a).append('\n'));
        c.append("listening-port=").append(port).append('\n')
                // Relay sockets on loopback: reachable by coturn itself, i.e. by the other side's allocation.
                .append("relay-ip=127.0.0.1\n")
                .append("use-auth-secret\n")
                .append("static-auth-secret=").append(secret).append('\n')
                .append("realm=").append(REALM).append('\n')
                .append("fingerprint\n")
                .append("no-tls\nno-dtls\n")
                .append("no-multicast-peers\n")
                // Peers: the relay ports of other allocations on 127.0.0.1, nothing else. allowed-peer-ip wins over
                // denied-peer-ip; coturn refuses loopback peers unless told otherwise.
                .append("allow-loopback-peers\n")
                .append("denied-peer-ip=0.0.0.0-255.255.255.255\n")
                .append("denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\n")
                .append("allowed-peer-ip=127.0.0.1\n")
                .append("max-bps=3000000\n")
                .append("stale-nonce=600\n")
                .append("no-cli\n")
                .append("no-software-attribute\n")
                .append("log-file=stdout\nsimple-log\n")
                .append("pidfile=").append(workDir.resolve("turnserver.pid")).append('\n')
                // coturn opens its (unused) SQLite user database at start; keep it in the work directory.
                .append("userdb=").append(workDir.resolve("turndb")).append('\n');
        return c.toString();
    }

    /** The port it listens on (UDP and TCP) on every address. */
    public int port() {
        return port;
    }

    /** The {@code static-auth-secret} that room-service signs credentials with. */
    public String secret() {
        return secret;
    }

    /** TURN URLs, UDP and TCP, on every listening address, for {@code coview.room.ice.turn-urls}. */
    public List<String> urls() {
        return addresses.stream()
                .flatMap(a -> java.util.stream.Stream.of("turn:" + a + ":" + port + "?transport=udp",
                        "turn:" + a + ":" + port + "?transport=tcp"))
                .toList();
    }

    /** A probe of this server on its first address. */
    public TurnProbe probe() {
        return new TurnProbe(new InetSocketAddress(addresses.get(0), port), Duration.ofMillis(500));
    }

    /** The running server process (pid for CPU figures, log). */
    public ChildProcess process() {
        return process;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        TurnProbe probe = probe();
        while (System.nanoTime() < deadline) {
            if (probe.answersBinding()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("turnserver exited; " + process.log() + " ends with:\n"
                        + ChildProcess.tail(process.log(), 15));
            }
        }
        throw new IOException("turnserver did not answer a STUN Binding within " + timeout + "; " + process.log()
                + " ends with:\n" + ChildProcess.tail(process.log(), 15));
    }

    private static String findBinary() throws IOException {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin" : path + ":/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "turnserver");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("turnserver is not installed: apt-get install coturn (.ci/run does)");
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
