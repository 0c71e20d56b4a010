package dev.coview.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Pins processes to CPU cores with {@code taskset -a -p -c} (every thread of the process; threads started later
 * inherit their creator's affinity): the bench's pinned mode puts the server side on one core and the load
 * generator on the other, so that neither takes the other's CPU and the client's own cost can be read apart.
 */
public final class CpuPinning {

    private CpuPinning() {
    }

    /** Restricts every current thread of {@code pid} to {@code cpus} (a taskset list, e.g. {@code 0} or {@code 0-1}). */
    public static void pin(long pid, String cpus) throws IOException {
        run("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid));
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    /**
     * Gives the threads of this process named {@code threadName} the real-time policy ({@code chrt -f -p 1}): the
     * pinned mode's sending thread, which shares its core with the client's event loop, then fires on time instead of
     * waiting for the event loop's time slice. It parks between firings, so it cannot starve the core.
     *
     * @return how many threads were changed
     */
    public static int realtime(String threadName) throws IOException {
        int changed = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String comm;
                try {
                    comm = Files.readString(t.resolve("comm")).trim();
                } catch (IOException gone) {
                    continue;
                }
                if (comm.equals(threadName.length() > 15 ? threadName.substring(0, 15) : threadName)) {
                    run("chrt", "-f", "-p", "1", t.getFileName().toString());
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * How many threads of {@code pid} may run elsewhere than on {@code cpus} (0 when pinned; a thread started while
     * {@link #pin} walked the threads could have been missed), read from {@code /proc/<pid>/task/}; -1 off Linux.
     */
    public static long strays(long pid, String cpus) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.map(CpuPinning::allowed).filter(a -> a != null && !a.equals(cpus)).count();
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    private static String allowed(Path task) {
        try {
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException gone) {
            // The thread ended meanwhile: not a stray.
            return null;
        }
        return "";
    }
}
