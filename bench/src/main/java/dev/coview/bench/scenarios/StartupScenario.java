package dev.coview.bench.scenarios;

import dev.coview.bench.core.ScenarioResult;
import dev.coview.bench.core.ServiceStart;
import dev.coview.bench.core.Services;
import dev.coview.local.servers.JwtDevKeys;
import dev.coview.local.servers.LocalStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JVM start: each service started alone, then the three started at once (as {@code ./coview up} does), {@code runs}
 * times each; every start is timed from spawning the JVM to {@code /q/health/ready} = 200. The first round also
 * writes each instance's class-data archive on exit (see {@code ServiceJvm}), so later rounds show the warm start.
 */
public final class StartupScenario {

    /** The services in the order {@code ./coview up} starts them, with the configuration they need to start. */
    static final List<Services.Spec> SERVICES = List.of(
            new Services.Spec("room-service", Map.of("coview.room.agent-api-key", RestScenario.AGENT_KEY)),
            new Services.Spec("signaling-service", Map.of()),
            new Services.Spec("annotation-service", AnnotationScenario.SERVICE_CONFIG));

    private StartupScenario() {
    }

    /** Runs the rounds; {@code starts} receives every start (for the report's start table). */
    public static ScenarioResult run(Path root, Path logs, LocalStack stack, JwtDevKeys keys, int runs,
                                     List<ServiceStart> starts) throws IOException {
        List<ServiceStart> all = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            for (Services.Spec spec : SERVICES) {
                // Instance names repeat from one round to the next, so that each round uses the previous one's archive.
                Services services = new Services(root, logs, stack, keys, "alone");
                try (services) {
                    services.start(spec.module(), spec.config());
                }
                all.addAll(services.starts());
            }
            Services together = new Services(root, logs, stack, keys, "together");
            try (together) {
                together.startTogether(SERVICES);
            }
            all.addAll(together.starts());
            System.out.println("startup round " + (round + 1) + ": " + all.subList(all.size() - 6, all.size()));
        }
        starts.addAll(all);
        ScenarioResult result = new ScenarioResult("startup").parameter("runs", runs);
        for (Services.Spec spec : SERVICES) {
            for (int together : new int[] {1, SERVICES.size()}) {
                String key = spec.module() + (together == 1 ? " alone" : " together");
                List<ServiceStart> mine = all.stream()
                        .filter(s -> s.module().equals(spec.module()) && s.together() == together).toList();
                // In round order: the first start has no class-data archive yet, the later ones use it.
                result.figure(key + " ready_s", join(mine.stream().map(ServiceStart::readySeconds).toList()));
                result.figure(key + " quarkus_s", join(mine.stream().map(ServiceStart::startedInSeconds).toList()));
            }
        }
        return result;
    }

    private static String join(List<Double> seconds) {
        return "[" + String.join(" ", seconds.stream().map(v -> v == null ? "?" : String.valueOf(v)).toList()) + "]";
    }
}
