package dev.coview.local.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A server started as a child process under a watchdog shell, so that it can never outlive this JVM.
 *
 * <p>The watchdog is {@code sh -c '"$@" & c=$!; cat >/dev/null; kill $c; wait $c; rm -rf "$WORKDIR"'}: this JVM
 * holds the shell's stdin. When the JVM stops normally, {@link #close()} closes that pipe; when the JVM is killed
 * (even with SIGKILL, where no shutdown hook runs), the kernel closes it. Either way {@code cat} sees end-of-file,
 * the shell terminates the server with SIGTERM, waits for it and removes its work directory. The server ignores
 * SIGINT so that Ctrl-C in a terminal reaches only the launcher, which then stops everything in order.
 *
 * @param name     given at start, for messages
 * @param watchdog the watchdog shell, whose stdin this JVM holds
 * @param pid      the server's own pid (not the watchdog shell's)
 * @param log      the file that receives the server's output
 */
public record ChildProcess(String name, Process watchdog, long pid, Path log) implements AutoCloseable {

    private static final String WATCHDOG =
            "trap '' INT; \"$@\" & c=$!; echo \"$c\" >&3; cat >/dev/null; kill \"$c\" 2>/dev/null;"
                    + " wait \"$c\"; if [ -n \"$COVIEW_WORKDIR\" ]; then rm -rf \"$COVIEW_WORKDIR\"; fi";

    /**
     * Starts {@code command} under the watchdog.
     *
     * @param workDir removed by the watchdog after the server exits; {@code null} to keep nothing to remove
     * @param log     file that receives the server's stdout and stderr
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log,
                                     Map<String, String> env) throws IOException {
        Files.createDirectories(log.getParent());
        Path pidFile = Files.createTempFile("coview-" + name, ".pid");
        List<String> argv = new ArrayList<>(List.of("sh", "-c",
                // fd 3 carries the server's pid back to us; stdout/stderr go to the log.
                "exec 3>\"$COVIEW_PIDFILE\"; " + WATCHDOG, "coview-watchdog"));
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        pb.environment().put("COVIEW_PIDFILE", pidFile.toString());
        pb.environment().put("COVIEW_WORKDIR", workDir == null ? "" : workDir.toString());
        Process p = pb.start();
        long pid = readPid(pidFile, p);
        Files.deleteIfExists(pidFile);
        return new ChildProcess(name, p, pid, log);
    }

    private static long readPid(Path pidFile, Process p) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String s = Files.readString(pidFile).trim();
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
            if (!p.isAlive()) {
                throw new IOException("watchdog shell exited with " + p.exitValue() + " before starting the server");
            }
            // The shell writes the pid right after fork: a few short polls.
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting " + pidFile, e);
            }
        }
        throw new IOException("watchdog shell did not report the server's pid within 10 s");
    }

    /**
     * The last {@code lines} lines of {@code file}, for error messages: a CI log shows the message, rarely the
     * files a failed run left behind.
     */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether {@code file} says a listener could not bind: the port picked was taken before the server bound it. */
    static boolean saysPortTaken(Path file) {
        return tail(file, 200).contains("Address already in use");
    }

    /**
     * Starts a janitor: a watchdog shell with no server, which only removes {@code dir} once this JVM closes it or
     * dies. For servers that are restarted (their data must outlive one process) but not this JVM.
     *
     * @param serverPidFile holds the pid of the server that writes into {@code dir} (rewritten on each restart); the
     *                      janitor waits for that process to exit before it removes anything, because a server
     *                      still shutting down recreates the files it flushes (seen: a Kafka partition directory
     *                      reappearing after the first removal). Removed too.
     */
    public static ChildProcess janitor(String name, Path dir, Path serverPidFile) throws IOException {
        // Two triggers, either suffices: standard input closing (this JVM stopped or died) and this JVM's pid
        // disappearing (seen once a second), because on a loaded machine the end of the pipe was missed now and
        // then. The server is stopped by its own watchdog at the same moment: wait (at most two minutes) until it
        // has exited, then remove the directory, retrying while anything still holds it. (A background command of
        // a non-interactive shell reads /dev/null, hence the pipe handed over as fd 4.)
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "trap '' INT; exec 4<&0; cat <&4 >/dev/null & w=$!; exec 4<&-;"
                + " while kill -0 $w 2>/dev/null && kill -0 \"$COVIEW_PARENT\" 2>/dev/null; do sleep 1; done;"
                + " kill $w 2>/dev/null; i=0;"
                + " while [ $i -lt 600 ] && s=$(cat \"$COVIEW_SERVER_PIDFILE\" 2>/dev/null) && [ -n \"$s\" ]"
                + " && kill -0 \"$s\" 2>/dev/null; do sleep 0.2; i=$((i+1)); done;"
                + " i=0; while [ -e \"$COVIEW_WORKDIR\" ] && [ $i -lt 600 ]; do rm -rf \"$COVIEW_WORKDIR\" 2>/dev/null;"
                + " [ -e \"$COVIEW_WORKDIR\" ] && sleep 0.2; i=$((i+1)); done; rm -f \"$COVIEW_SERVER_PIDFILE\"",
                "coview-janitor")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("COVIEW_PARENT", String.valueOf(ProcessHandle.current().pid()));
        pb.environment().put("COVIEW_WORKDIR", dir.toString());
        pb.environment().put("COVIEW_SERVER_PIDFILE", serverPidFile.toString());
        Process p = pb.start();
        return new ChildProcess(name, p, p.pid(), dir.resolve("janitor.log"));
    }

    /**
     * Freezes the server (SIGSTOP): it keeps its sockets open but answers nothing, like a hung or partitioned node.
     * Returns once every thread of it is stopped: {@code kill} returns when the signal is sent, and a thread busy on
     * the other core could still answer a request sent right after (a Kafka readiness test saw its broker answer
     * once, "UP" where it expected no answer).
     */
    public void pause() {
        signal("STOP");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stopped()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " (pid " + pid + ") did not stop within 5 s of SIGSTOP");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Whether every thread of the server is stopped: {@code T} in each {@code /proc/<pid>/task/<tid>/stat}. */
    private boolean stopped() {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return true; // not Linux, or the process is gone: nothing more to wait for
        }
        try (var threads = Files.list(tasks)) {
            return threads.allMatch(t -> threadStopped(t.resolve("stat")));
        } catch (IOException | UncheckedIOException e) {
            return false; // a thread ended while listing: look again
        }
    }

    private static boolean threadStopped(Path stat) {
        try {
            String line = Files.readString(stat);
            // "<tid> (<comm>) <state> …": the command may itself hold spaces and parentheses.
            int close = line.lastIndexOf(')');
            char state = close >= 0 && close + 2 < line.length() ? line.charAt(close + 2) : '?';
            return state == 'T' || state == 't';
        } catch (IOException e) {
            return true; // the thread is gone
        }
    }

    /** Lets a {@link #pause() paused} server run again (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String sig) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + sig + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Whether the server process is still running. */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Stops the server (SIGTERM through the watchdog), waiting up to {@code grace}, then SIGKILL. Returns once the
     * server itself is gone, not only its watchdog: a watchdog that had exited before (seen once: a bench run's
     * signaling-service reported "stopped in 0.00 s" and ran on, pinned to the measured core, for 82 minutes) can no
     * longer stop it, so the server is then signalled directly.
     */
    public void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        // Taken while the server runs: a process found under its pid later is the same one only if it started then
        // (the pid of a server that exited may already belong to another process).
        Optional<Instant> started = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant());
        try {
            OutputStream in = watchdog.getOutputStream();
            in.close();
        } catch (IOException ignored) {
            // Closing is the signal; a pipe that is already closed means the watchdog has gone.
        }
        try {
            if (!watchdog.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                watchdog.waitFor(5, TimeUnit.SECONDS);
            }
            Optional<ProcessHandle> left = started.flatMap(s -> ProcessHandle.of(pid)
                    .filter(h -> h.isAlive() && h.info().startInstant().equals(Optional.of(s))));
            if (left.isPresent()) {
                left.get().destroy();
                long remaining = Math.max(0, deadline - System.nanoTime());
                try {
                    left.get().onExit().get(remaining, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    left.get().destroyForcibly();
                    left.get().onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(name + " (pid " + pid + ") still runs 5 s after SIGKILL", e);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
