package dev.coview.local.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real redis-server on a free loopback port: the one on the PATH if there is one, else the Linux binary that
 * the {@code com.github.codemonstur:embedded-redis} jar ships. No persistence: a test or a laptop session starts
 * empty.
 */
public final class RedisServer implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private RedisServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts redis-server in {@code workDir} and waits until it answers PING. A free port can be taken by another
     * process before redis-server binds it (an outgoing connection's ephemeral port, say): then it tries another,
     * up to {@value #BIND_ATTEMPTS} times.
     */
    public static RedisServer start(Path workDir, Duration timeout) throws IOException {
        return start(workDir, timeout, FreePort::pick);
    }

    /** As {@link #start(Path, Duration)}, with the ports to try from {@code ports} (tests force a taken one). */
    static RedisServer start(Path workDir, Duration timeout, java.util.function.IntSupplier ports) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(workDir);
            String binary = findBinary(workDir);
            int port = ports.getAsInt();
            Path log = workDir.resolveSibling(workDir.getFileName() + ".log");
            ChildProcess p = ChildProcess.start("redis", List.of(binary, "--port", String.valueOf(port),
                            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workDir.toString(),
                            "--protected-mode", "yes"),
                    workDir, log, Map.of());
            RedisServer server = new RedisServer(p, port);
            try {
                server.awaitReady(timeout);
                return server;
            } catch (IOException e) {
                p.close();
                if (attempt >= BIND_ATTEMPTS || !ChildProcess.saysPortTaken(log)) {
                    throw e;
                }
                Files.writeString(log, "(port " + port + " was taken; trying another)\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    /** Ports tried before giving up when the one picked is taken meanwhile. */
    static final int BIND_ATTEMPTS = 3;

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    /** Whether the server answers PING right now. */
    public boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, buf.length);
            return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("redis-server exited; " + process.log() + " ends with:\n"
                        + ChildProcess.tail(process.log(), 15));
            }
            sleepQuietly(50);
        }
        process.close();
        throw new IOException("redis-server did not answer PING within " + timeout + "; " + process.log()
                + " ends with:\n" + ChildProcess.tail(process.log(), 15));
    }

    static String findBinary(Path workDir) throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return extractEmbedded(workDir);
    }

    private static String extractEmbedded(Path workDir) throws IOException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String resource = switch (arch) {
            case "amd64", "x86_64" -> "/redis-server-6.2.6-v5-linux-amd64";
            case "aarch64", "arm64" -> "/redis-server-6.2.7-linux-arm64";
            default -> throw new IOException("no redis-server on the PATH and no embedded binary for " + arch
                    + ": install redis-server");
        };
        try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("embedded-redis jar is not on the classpath and redis-server is not on the PATH");
            }
            Path target = workDir.resolve("redis-server");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            return target.toString();
        }
    }

    public static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
