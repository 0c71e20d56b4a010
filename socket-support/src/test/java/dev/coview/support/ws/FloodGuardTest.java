package dev.coview.support.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.support.ws.FloodGuard.Verdict;
import org.junit.jupiter.api.Test;

/** Flood control on a synthetic clock; pure unit test. */
class FloodGuardTest {

    private static final long MS = 1_000_000L;

    @Test
    void aClientWithinTheRateIsNeverRefused() {
        FloodGuard guard = new FloodGuard(100, 20, 50);
        // 60 Hz pointer moves for ten seconds: well under 100/s.
        for (int i = 0; i < 600; i++) {
            assertThat(guard.check(i * 16 * MS)).isEqualTo(Verdict.ACCEPT);
        }
    }

    @Test
    void aBurstAboveTheRateIsDroppedThenAcceptedAgainOnceTheBucketRefills() {
        FloodGuard guard = new FloodGuard(100, 20, 50);
        for (int i = 0; i < 20; i++) {
            assertThat(guard.check(0)).isEqualTo(Verdict.ACCEPT);
        }
        assertThat(guard.check(0)).isEqualTo(Verdict.DROP);
        assertThat(guard.check(10 * MS)).isEqualTo(Verdict.ACCEPT); // one token per 10 ms at 100/s
    }

    @Test
    void aSustainedFloodIsClosedEvenThoughRefillsLetSomeMessagesThrough() {
        FloodGuard guard = new FloodGuard(100, 20, 50);
        Verdict last = Verdict.ACCEPT;
        int sent = 0;
        // 1,000 messages per second: one per millisecond.
        while (last != Verdict.CLOSE && sent < 10_000) {
            last = guard.check(sent * MS);
            sent++;
        }
        assertThat(last).isEqualTo(Verdict.CLOSE);
        assertThat(sent).isLessThan(200);
    }
}
