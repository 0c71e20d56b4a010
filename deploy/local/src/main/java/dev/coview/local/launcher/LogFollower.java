package dev.coview.local.launcher;

import dev.coview.local.servers.RedisServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows log files like {@code tail -f} and prints each new line with a coloured prefix naming its service.
 * Polls every 200 ms on one daemon thread: a handful of files, human reading speed.
 */
final class LogFollower implements AutoCloseable {

    private record Followed(String prefix, Path file, long[] offset, StringBuilder partial) {
    }

    private final List<Followed> files = new CopyOnWriteArrayList<>();
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;

    LogFollower(PrintStream out) {
        this.out = out;
        this.thread = new Thread(this::loop, "coview-log-follower");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void follow(String prefix, Path file) {
        files.add(new Followed(prefix, file, new long[] {0}, new StringBuilder()));
    }

    private void loop() {
        byte[] buf = new byte[64 * 1024];
        while (running) {
            for (Followed f : files) {
                drain(f, buf);
            }
            RedisServer.sleepQuietly(200);
        }
    }

    private void drain(Followed f, byte[] buf) {
        if (!Files.exists(f.file())) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(f.file().toFile(), "r")) {
            raf.seek(f.offset()[0]);
            int n;
            while ((n = raf.read(buf)) > 0) {
                f.offset()[0] += n;
                f.partial().append(new String(buf, 0, n, StandardCharsets.UTF_8));
                int nl;
                while ((nl = f.partial().indexOf("\n")) >= 0) {
                    out.println(f.prefix() + f.partial().substring(0, nl));
                    f.partial().delete(0, nl + 1);
                }
            }
        } catch (IOException ignored) {
            // The file may be rotated or removed during shutdown; the next poll tries again.
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
