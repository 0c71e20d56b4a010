package dev.coview.reliability.testing;

import dev.coview.local.servers.ServiceInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service instance's memory as its JVM reports it: heap in use (young + old generation of the Serial GC the
 * services run with, {@code jcmd GC.heap_info}), optionally after a full collection (what the service really
 * holds), and the process's resident set ({@code /proc/<pid>/status}).
 */
public final class Heap {

    private static final Pattern USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private Heap() {
    }

    /** Heap in use, in MiB; {@code afterFullGc}: after {@code jcmd GC.run}. -1 when the JVM does not answer. */
    public static double usedMiB(ServiceInstance instance, boolean afterFullGc) {
        long pid = instance.process().pid();
        if (afterFullGc) {
            jcmd(pid, "GC.run");
        }
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        long kib = 0;
        boolean found = false;
        while (m.find()) {
            kib += Long.parseLong(m.group(1));
            found = true;
        }
        return found ? kib / 1024.0 : -1;
    }

    /** Resident set of the process, in MiB; -1 when it is gone. */
    public static double rssMiB(ServiceInstance instance) {
        try {
            String status = Files.readString(Path.of("/proc/" + instance.process().pid() + "/status"));
            Matcher m = RSS.matcher(status);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String jcmd(long pid, String command) {
        // The test JVM's own JDK: the services run on the same java (deploy/local starts them with it).
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
