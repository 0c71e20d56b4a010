package dev.coview.signaling.routing;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import java.util.UUID;

/** The liveness of a lone instance: no other instance writes presence, so none is ever dead. */
final class SingleInstance implements InstanceLiveness {

    private final String instanceId = UUID.randomUUID().toString();

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Uni<Void> beat() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public void missed() {
    }

    @Override
    public boolean mayJudgeOthers() {
        return true;
    }

    @Override
    public Uni<Set<String>> dead(Set<String> instances) {
        return Uni.createFrom().item(Set.of());
    }
}
