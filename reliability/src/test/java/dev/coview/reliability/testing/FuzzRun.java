package dev.coview.reliability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One seeded fuzzer run: the seed ({@code -Dreliability.fuzz.seed=…}, else random) and the number of cases
 * ({@code -Dreliability.fuzz.cases=…}, default 10,000), shared out over parallel workers, each with its own
 * generator, and the verdict at the end, always naming the seed so that a failure can be replayed.
 */
public final class FuzzRun {

    /** How often {@code meanwhile} runs while the workers fuzz. */
    private static final Duration MEANWHILE_EVERY = Duration.ofMillis(500);

    private final String name;
    private final long seed;
    private final int cases;
    private long tookMillis;

    private FuzzRun(String name, long seed, int cases) {
        this.name = name;
        this.seed = seed;
        this.cases = cases;
    }

    /** The run the system properties ask for, announced with its seed; {@code name} prefixes every line. */
    public static FuzzRun fromProperties(String name) {
        long seed = System.nanoTime();
        String seedProperty = System.getProperty("reliability.fuzz.seed", "");
        if (!seedProperty.isBlank()) {
            seed = Long.parseLong(seedProperty.trim());
        }
        int cases = Integer.getInteger("reliability.fuzz.cases", 10_000);
        System.out.printf("%s: seed %d, %d cases %s%n", name, seed, cases, rerun(seed));
        return new FuzzRun(name, seed, cases);
    }

    public String name() {
        return name;
    }

    public int cases() {
        return cases;
    }

    /** One worker: fuzzes {@code cases} cases drawn from {@code generator}. */
    @FunctionalInterface
    public interface Worker {
        void fuzz(int index, FuzzCases generator, int cases) throws Exception;
    }

    /** {@link #inParallel(int, List, Worker, Runnable)} with nothing to do meanwhile. */
    public void inParallel(int workers, List<Map<String, Object>> templates, Worker worker) {
        inParallel(workers, templates, worker, null);
    }

    /**
     * Shares the cases out over {@code workers} workers, worker {@code w} drawing from a generator seeded
     * {@code seed + w}, and runs {@code meanwhile} (if given) every half second until all are done. Any failure,
     * of a worker or of {@code meanwhile}, comes back as an {@link AssertionError} naming the seed.
     */
    public void inParallel(int workers, List<Map<String, Object>> templates, Worker worker, Runnable meanwhile) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int index = w;
                FuzzCases generator = new FuzzCases(seed + w, templates);
                int share = cases / workers + (w < cases % workers ? 1 : 0);
                running.add(pool.submit(() -> {
                    worker.fuzz(index, generator, share);
                    return null;
                }));
            }
            while (meanwhile != null && running.stream().anyMatch(f -> !f.isDone())) {
                meanwhile.run();
                LockSupport.parkNanos(MEANWHILE_EVERY.toNanos());
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (AssertionError | Exception e) {
            throw new AssertionError(name + " failed with seed " + seed + " " + rerun(seed) + ": " + e.getMessage(),
                    e);
        } finally {
            pool.shutdownNow();
        }
        tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** Prints the outcomes and asserts that no problem was found and that every case was tried. */
    public void conclude(Map<String, AtomicLong> tally, List<String> problems) {
        System.out.printf("%s: %d cases in %d ms; outcomes %s%n", name, cases, tookMillis, new TreeMap<>(tally));
        assertThat(problems).as("seed %d %s", seed, rerun(seed)).isEmpty();
        assertThat(tally.get("cases").get()).isEqualTo(cases);
    }

    private static String rerun(long seed) {
        return "(rerun: -Dreliability.fuzz.seed=" + seed + ")";
    }
}
