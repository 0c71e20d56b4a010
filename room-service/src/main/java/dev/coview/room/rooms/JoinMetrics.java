package dev.coview.room.rooms;

import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code coview_join_attempts_total{outcome}}: customer joins by outcome, {@code joined}, the refusal's problem type
 * ({@code join-refused}, {@code room-taken}, {@code too-many-attempts}, …) or {@code error}. A rising
 * {@code join-refused} share next to {@code too-many-attempts} is someone guessing codes. The outcomes are an enum:
 * the label stays bounded.
 */
@ApplicationScoped
public class JoinMetrics {

    private final Counter joined;
    private final Counter error;
    private final Map<ProblemType, Counter> refused = new EnumMap<>(ProblemType.class);

    @Inject
    public JoinMetrics(MeterRegistry registry) {
        this.joined = counter(registry, "joined");
        this.error = counter(registry, "error");
        for (ProblemType type : ProblemType.values()) {
            refused.put(type, counter(registry, type.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    /** Counts the outcome of {@code join} when it completes; the result passes through unchanged. */
    public <T> Uni<T> counted(Uni<T> join) {
        return join.invoke(result -> joined.increment())
                .onFailure().invoke(e -> (e instanceof ProblemException p ? refused.get(p.type()) : error).increment());
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("coview.join.attempts").description("customer join attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
