package dev.coview.annotation.messaging;

import dev.coview.contracts.kafka.Topics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this instance has read the annotation log up to where it ended when the instance started. Until then
 * its state is behind the room's and a joining socket waits (a late joiner must never see an older state than
 * the room's, e.g. right after a restart). The targets are the log's end offsets at start
 * ({@link LogEndOffsets}); records consumed before the targets are known count too.
 */
@ApplicationScoped
public class CatchUp {

    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Map<Integer, Long> targets;

    /** Sets the offsets to reach: partition → offset of the next record to be written at start. */
    void target(Map<Integer, Long> endOffsets) {
        Map<Integer, Long> pending = new HashMap<>();
        endOffsets.forEach((p, end) -> {
            if (end > 0) {
                pending.put(p, end);
            }
        });
        Log.infof("materializing %s up to offsets %s", Topics.ANNOTATIONS, pending);
        this.targets = pending;
        check();
    }

    /** A record of the annotation log was applied. */
    void consumed(int partition, long offset) {
        if (done.isDone()) {
            return;
        }
        consumed.merge(partition, offset, Math::max);
        check();
    }

    /** Completes when the state is current (at once when it already is). */
    public Uni<Void> ready() {
        return Uni.createFrom().completionStage(done);
    }

    public boolean isReady() {
        return done.isDone();
    }

    private void check() {
        Map<Integer, Long> t = targets;
        if (t == null || done.isDone()) {
            return;
        }
        for (var e : t.entrySet()) {
            Long at = consumed.get(e.getKey());
            if (at == null || at + 1 < e.getValue()) {
                return;
            }
        }
        Log.infof("annotation state is current: %s", consumed);
        done.complete(null);
    }
}
