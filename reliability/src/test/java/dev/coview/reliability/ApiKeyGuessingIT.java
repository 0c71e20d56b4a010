package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.Leaks;
import dev.coview.reliability.testing.Stack;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Brute-forcing API keys against the packaged room-service: 200 wrong keys sent at once from one client address (an
 * address of its own, through the X-Forwarded-For the stack's room-service trusts) get at most the budget
 * ({@code coview.room.auth.api-key-attempts}, 20 by default) of 401 answers; every other one is 429 problem+json with
 * Retry-After, even the right key from that address afterwards, while another client creates rooms as usual.
 * Before the throttle (main up to issue 24 item 8) all 200 were compared and answered 401, so a guesser had as many
 * tries as it could send.
 */
@Order(8)
class ApiKeyGuessingIT {

    private static final int GUESSES = 200;
    private static final int BUDGET = 20;

    @Test
    void parallelGuessesFromOneClientAreThrottledBeforeTheKeyIsCompared() {
        Stack stack = Stack.get();
        String rooms = stack.rooms().baseUrl() + "/api/rooms";
        String attacker = "203.0.113.77";
        long t0 = System.nanoTime();
        List<HttpResponse<String>> answers;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, GUESSES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Http.send("POST", rooms, null,
                            Map.of("X-Forwarded-For", attacker, "X-CoView-Agent-Key", guess(i))), pool))
                    .toList();
            answers = guesses.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long compared = answers.stream().filter(a -> a.statusCode() == 401).count();
        long throttled = answers.stream().filter(a -> a.statusCode() == 429).count();
        System.out.printf("%d parallel wrong API keys from one client in %d ms: %d compared (401), %d throttled (429),"
                + " %d other%n", GUESSES, ms, compared, throttled, GUESSES - compared - throttled);
        assertThat(compared).isEqualTo(BUDGET);
        assertThat(throttled).isEqualTo(GUESSES - BUDGET);
        for (HttpResponse<String> a : answers) {
            assertThat(a.headers().firstValue("Content-Type").orElse("")).startsWith(Http.PROBLEM_JSON);
            assertThat(Leaks.find(a.body())).isNull();
        }
        HttpResponse<String> limited = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(limited.body()).contains("https://coview.dev/problems/too-many-key-attempts");

        // A guess that happens to be right, from the throttled address, learns nothing: it is refused too.
        assertThat(Http.send("POST", rooms, null, Map.of("X-Forwarded-For", attacker,
                "X-CoView-Agent-Key", stack.agentKey())).statusCode()).isEqualTo(429);
        // Other clients (the CRM backend elsewhere) are not affected.
        assertThat(Http.send("POST", rooms, null, Map.of("X-Forwarded-For", "198.51.100.20",
                "X-CoView-Agent-Key", stack.agentKey())).statusCode()).isEqualTo(201);
    }

    private static String guess(int i) {
        return "guess-" + i + "-" + "x".repeat(26);
    }
}
