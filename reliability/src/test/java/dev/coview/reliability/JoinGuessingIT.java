package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.reliability.testing.Http;
import dev.coview.reliability.testing.RedisCli;
import dev.coview.reliability.testing.Stack;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Join-code guessing against the packaged room-service (real Redis of the suite's stack): 200 wrong codes sent in
 * parallel by one client, by one IPv6 /64 with a new address per request, and by many clients together. Each
 * answer is either 404 (the code was tried) or 429 (refused before it was); at most the budget may be tried. The
 * clients are named in X-Forwarded-For, which room-service honours from the suite's address only (a trusted proxy).
 * Each test clears the counters it filled, so that the classes after it can join rooms.
 */
@Order(8)
class JoinGuessingIT {

    private static final int PARALLEL = 200;
    private static final int PER_CLIENT = 5;

    @AfterEach
    void clearCounters() {
        int redis = Stack.get().local().redis().port();
        RedisCli.command(redis, "DEL", "join-attempts:4:198.51.100.7", "join-attempts:6:2001:db8:7:7::/64",
                "join-failures:window");
        for (int i = 0; i < PARALLEL; i++) {
            RedisCli.command(redis, "DEL", "join-attempts:4:203.0.113." + i);
        }
    }

    @Test
    void twoHundredParallelWrongCodesFromOneClientTryAtMostItsBudget() throws Exception {
        Map<Integer, Integer> statuses = guess(i -> "198.51.100.7");
        System.out.println("200 parallel wrong codes, one IPv4 client: " + statuses);
        assertThat(statuses.getOrDefault(404, 0)).as("codes tried").isLessThanOrEqualTo(PER_CLIENT);
        assertThat(statuses.getOrDefault(429, 0)).isEqualTo(PARALLEL - statuses.getOrDefault(404, 0));
    }

    @Test
    void anIpv6ClientIsOneSlash64WhateverAddressItUses() throws Exception {
        Map<Integer, Integer> statuses = guess(i -> "2001:db8:7:7:" + Integer.toHexString(i + 1) + "::1");
        System.out.println("200 parallel wrong codes, one IPv6 /64, 200 addresses: " + statuses);
        assertThat(statuses.getOrDefault(404, 0)).as("codes tried").isLessThanOrEqualTo(PER_CLIENT);
    }

    @Test
    void manyClientsTogetherTryAtMostTheGlobalBudgetAndInvitesStillWork() throws Exception {
        JsonNode room = Http.createRoom();
        Map<Integer, Integer> statuses = guess(i -> "203.0.113." + i);
        System.out.println("200 parallel wrong codes from 200 IPv4 clients: " + statuses);
        assertThat(statuses.getOrDefault(404, 0)).as("codes tried")
                .isLessThanOrEqualTo(Stack.JOIN_FAILURES_GLOBAL);
        // Paused for codes, not for invites: a customer with the link still gets in.
        String invite = room.get("inviteUrl").asText().replaceAll(".*[#?&]invite=", "");
        HttpResponse<String> joined = Http.send("POST", Stack.get().rooms().baseUrl() + "/api/rooms/join",
                "{\"invite\":\"" + invite + "\",\"name\":\"Reliability customer\"}",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2.50"));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    }

    /** {@link #PARALLEL} wrong codes at once, request i claiming {@code client.apply(i)}; the count per status. */
    private static Map<Integer, Integer> guess(IntFunction<String> client) throws Exception {
        String url = Stack.get().rooms().baseUrl() + "/api/rooms/join";
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                // Codes of 6 digits starting with 9 and ending in the index: wrong unless a live room drew one.
                String code = String.format("9%05d", i);
                String from = client.apply(i);
                sent.add(pool.submit(() -> Http.send("POST", url, "{\"code\":\"" + code + "\"}",
                        Map.of("Content-Type", "application/json", "X-Forwarded-For", from))));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get();
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(Http.PROBLEM_JSON);
                statuses.merge(r.statusCode(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
