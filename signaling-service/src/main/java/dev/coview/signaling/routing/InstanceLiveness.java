package dev.coview.signaling.routing;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/**
 * Which signaling instances are alive, judged so that a live instance's participants are never removed as lost:
 * {@link SingleInstance} (there are no others) or {@link RedisLiveness} (a liveness key per instance, refreshed by a
 * heartbeat).
 */
public interface InstanceLiveness {

    /** This instance's id, written in the presence entries of its sockets. */
    String instanceId();

    /** Tells the others this instance is alive for another TTL. */
    Uni<Void> beat();

    /** A heartbeat (the beat or the presence refresh after it) did not reach the shared store. */
    void missed();

    /** Whether this instance's view of the others is steady enough to judge them dead now. */
    boolean mayJudgeOthers();

    /** The ids among {@code instances} (this one's excepted) that stopped answering. */
    Uni<Set<String>> dead(Set<String> instances);
}
