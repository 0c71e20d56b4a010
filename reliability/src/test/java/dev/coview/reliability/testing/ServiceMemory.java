package dev.coview.reliability.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service process holds, read from outside as an operator would: resident set and its high-water mark from
 * {@code /proc/<pid>/status}, the Java heap in use from {@code jcmd <pid> GC.heap_info}, and the bytes under a
 * directory. Figures for the report; tests assert on behaviour, not on these numbers.
 */
public final class ServiceMemory {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServiceMemory() {
    }

    /** {@code VmRSS} and {@code VmHWM} in KiB. */
    public static long[] rssKib(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            return new long[] {field(lines, "VmRSS:"), field(lines, "VmHWM:")};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    /** Heap in use (all generations), KiB; -1 when jcmd cannot tell. */
    public static long heapUsedKib(long pid) {
        // The jcmd of the JDK the service runs on.
        Path jcmd = ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(Path::of)
                .map(java -> java.resolveSibling("jcmd")).orElse(Path.of("jcmd"));
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            long used = 0;
            // Serial GC prints one line per generation ("def new generation total …, used …K"), then Metaspace.
            for (String line : out.split("\n")) {
                if (line.contains("generation")) {
                    Matcher m = USED.matcher(line);
                    if (m.find()) {
                        used += Long.parseLong(m.group(1));
                    }
                }
            }
            return used == 0 ? -1 : used;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Bytes in regular files under {@code dir}; 0 when it does not exist. */
    public static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
