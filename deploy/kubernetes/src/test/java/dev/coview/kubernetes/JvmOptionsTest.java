package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every CoView container runs its JVM with the footprint settings of bench/results/TUNING-footprint.md (the same as
 * deploy/local's ServiceJvm): Serial GC chosen through the image's {@code GC_CONTAINER_OPTIONS} and nowhere else (two
 * GCs on one command line stop the JVM), heap and metaspace caps in {@code JAVA_TOOL_OPTIONS}, two malloc arenas, and
 * a memory limit that holds them. Needs kubectl.
 */
@RequiresKustomize
class JvmOptionsTest {

    /**
     * Non-heap besides metaspace that the services used under bench load (NMT, TUNING-footprint.md): code cache up to
     * 33 MB, JIT arenas up to 37 MB, threads, symbols and the rest ~20 MB.
     */
    private static final long OTHER_NON_HEAP_MIB = 96;

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg])", Pattern.CASE_INSENSITIVE);

    @EveryOverlay
    void everyServiceRunsSerialGcWithCappedHeapAndNonHeap(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            Map<String, String> env = env(container(r, service));
            assertThat(env).as("%s in %s", service, overlay)
                    .containsEntry("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC")
                    .containsEntry("MALLOC_ARENA_MAX", "2")
                    .containsKey("JAVA_TOOL_OPTIONS");
            List<String> options = Arrays.asList(env.get("JAVA_TOOL_OPTIONS").trim().split("\\s+"));
            assertThat(options).as("%s JAVA_TOOL_OPTIONS", service)
                    .contains("-XX:MaxMetaspaceSize=128m", "-XX:TrimNativeHeapInterval=2000")
                    .anyMatch(o -> o.startsWith("-Xmx"))
                    .anyMatch(o -> o.startsWith("-Xms"))
                    .noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))
                    // A capped code cache made the JVM collect the whole heap every few MB of compiled code.
                    .noneMatch(o -> o.startsWith("-XX:ReservedCodeCacheSize"));
        }
    }

    @EveryOverlay
    void theMemoryLimitHoldsTheHeapAndMetaspaceCapsAndTheRestOfTheNonHeap(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            Container c = container(r, service);
            List<String> options = Arrays.asList(env(c).get("JAVA_TOOL_OPTIONS").trim().split("\\s+"));
            long capsMib = mib(option(options, "-Xmx")) + mib(option(options, "-XX:MaxMetaspaceSize="))
                    + OTHER_NON_HEAP_MIB;
            BigDecimal limitMib = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"))
                    .divide(BigDecimal.valueOf(1024 * 1024));
            assertThat(limitMib.longValue()).as("%s memory limit (MiB) vs heap + metaspace + other non-heap", service)
                    .isGreaterThanOrEqualTo(capsMib);
            // The bench saw up to ~233 MB resident under load (TUNING-footprint.md): requests at least that.
            BigDecimal requestMib = Quantity.getAmountInBytes(c.getResources().getRequests().get("memory"))
                    .divide(BigDecimal.valueOf(1024 * 1024));
            assertThat(requestMib.longValue()).as("%s memory request (MiB)", service).isGreaterThanOrEqualTo(256);
        }
    }

    private static Container container(Rendered r, String service) {
        return r.one(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container named " + service));
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static String option(List<String> options, String prefix) {
        Optional<String> o = options.stream().filter(s -> s.startsWith(prefix)).findFirst();
        return o.orElseThrow(() -> new AssertionError("no " + prefix + " in " + options)).substring(prefix.length());
    }

    private static long mib(String size) {
        Matcher m = SIZE.matcher(size);
        assertThat(m.matches()).as("JVM size %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> n / 1024;
            case 'g' -> n * 1024;
            default -> n;
        };
    }
}
