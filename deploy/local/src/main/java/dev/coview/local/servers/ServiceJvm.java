package dev.coview.local.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JVM options and environment a CoView service runs with, in one place: {@code ./coview up}, the packaged-jar
 * {@code *IT}s and bench/ all start services through {@link ServiceInstance}, which takes them from here. The
 * Kubernetes manifests (deploy/kubernetes/base/*.yaml, {@code JAVA_TOOL_OPTIONS}) carry the same memory options;
 * bench/results/TUNING-footprint.md has the measurements behind every value.
 */
public final class ServiceJvm {

    private ServiceJvm() {
    }

    /**
     * Options every service gets, on every JDK from 17. Serial GC: with two cores and heaps under 200 MiB, G1's
     * remembered sets and card tables cost ~38 MB of native memory per service (NMT, "GC"), and Serial's young pauses
     * on such heaps were shorter than G1's in the bench (signaling: median 1.0 ms against 2.5 ms, same p99). Metaspace
     * is capped as a bound for the pod's memory limit, not as a saving: the services use up to 56 MB of it without a
     * class-data archive, 8-10 MB with one. The code cache is left at its default size: capped at 64 MB it made the JVM
     * collect the whole heap every few MB of new compiled code ("CodeCache GC Threshold", 46-66 ms pauses).
     */
    public static final List<String> COMMON = List.of(
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m");

    /**
     * Environment every service gets: glibc otherwise creates up to 8 malloc arenas per core, each of which keeps
     * freed native memory (Netty, Kafka, the JIT) resident.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * The heap of each service: annotation-service holds Kafka consumers and producer batches for its rooms, the
     * others keep little on the heap. Unknown modules get the largest.
     */
    static List<String> heap(String module) {
        return switch (module) {
            case "signaling-service", "room-service" -> List.of("-Xms32m", "-Xmx128m");
            default -> List.of("-Xms32m", "-Xmx192m");
        };
    }

    /**
     * All options for an instance of the service packaged as {@code jar} ({@code <module>/target/quarkus-app/
     * quarkus-run.jar}) run by a JVM of version {@code javaVersion}.
     *
     * @param instance distinguishes the class-data archives of instances of the same service started together
     */
    public static List<String> options(Path jar, String instance, Runtime.Version javaVersion) {
        List<String> options = new ArrayList<>(heap(module(jar)));
        options.addAll(COMMON);
        options.addAll(nativeHeapTrim(javaVersion));
        options.addAll(classDataSharing(jar, instance, javaVersion));
        return List.copyOf(options);
    }

    /** {@link #options(Path, String, Runtime.Version)} for the JVM that runs this code (services start with it). */
    public static List<String> options(Path jar, String instance) {
        return options(jar, instance, Runtime.version());
    }

    /**
     * The JIT compiles in malloc'ed arenas (NMT "Arena Chunk": peaks of 28-49 MB under load) that glibc keeps
     * resident after HotSpot frees them; trimming the C heap every 2 s gives them back. The flag exists from 17.0.9
     * and 21.0.1 (JDK-8293114; not in 18-20); older JVMs would refuse to start with it.
     */
    static List<String> nativeHeapTrim(Runtime.Version v) {
        boolean known = v.feature() >= 22 || (v.feature() == 21 && v.update() >= 1)
                || (v.feature() == 17 && v.update() >= 9);
        return known ? List.of("-XX:TrimNativeHeapInterval=2000") : List.of();
    }

    /**
     * A dynamic class-data archive per instance (JDK 19+): the JVM writes it when the service exits normally and
     * maps it on the next start, which then skips loading and verifying the ~10,000 classes of a Quarkus service
     * from the jars. It lives next to the packaged application, so {@code mvn clean} removes it. JDK 25 refuses an
     * archive whose jars changed but does not replace it: {@link ClassDataArchive} deletes one older than the
     * application before a start. The JDK's full version is in the file name, so an updated JDK starts its own. One file per instance name because
     * two instances of a service exiting together would otherwise write the same file at once. JDK 17 does not know
     * the flag (and would refuse to start): nothing there.
     */
    static List<String> classDataSharing(Path jar, String instance, Runtime.Version java) {
        if (java.feature() < 19) {
            return List.of();
        }
        Path dir = jar.toAbsolutePath().getParent();
        String jdk = java.version().stream().map(String::valueOf).collect(Collectors.joining("."));
        Path archive = (dir == null ? Path.of(".") : dir.resolveSibling("cds"))
                .resolve(instance.replaceAll("[^A-Za-z0-9._-]", "_") + "-jdk" + jdk + ".jsa");
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                // The archive is an optimisation: a missing or stale one must never be worth a warning per start.
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The module of a packaged service: {@code room-service} for {@code room-service/target/quarkus-app/...}. */
    static String module(Path jar) {
        Path p = jar.toAbsolutePath().normalize();
        // <module>/target/quarkus-app/quarkus-run.jar
        for (int i = p.getNameCount() - 1; i > 0; i--) {
            if (p.getName(i).toString().equals("target")) {
                return p.getName(i - 1).toString();
            }
        }
        return "";
    }
}
