package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.servers.ServiceInstance;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a class of attacks: a healthy room ({@link HealthyProbe}) opened and probed before its tests, which call
 * {@link #probe()} between attack steps, probed once more after them and closed; then the instances it spans must
 * be ready. Register it as {@code @RegisterExtension static final HealthyDuring healthy = …}.
 */
public final class HealthyDuring implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String attacks;
    private final Supplier<HealthyProbe> room;
    private final Function<Stack, List<ServiceInstance>> instances;
    private HealthyProbe healthy;

    /**
     * @param attacks   what the class attacks, for the printed figures (e.g. {@code signaling attacks})
     * @param room      opens the healthy room
     * @param instances the instances the room spans, ready at the end
     */
    public HealthyDuring(String attacks, Supplier<HealthyProbe> room,
                         Function<Stack, List<ServiceInstance>> instances) {
        this.attacks = attacks;
        this.room = room;
        this.instances = instances;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        healthy = room.get();
        healthy.probe();
    }

    /** One probe each way: the room must still work. */
    public void probe() {
        healthy.probe();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            healthy.probe();
            System.out.printf("%s: the healthy room passed %d probes each way during them%n", attacks,
                    healthy.probes());
        } finally {
            healthy.close();
        }
        for (ServiceInstance instance : instances.apply(Stack.get())) {
            assertThat(Http.ready(instance, WAIT)).as("%s ready after the %s", instance, attacks).isEqualTo(200);
        }
    }
}
