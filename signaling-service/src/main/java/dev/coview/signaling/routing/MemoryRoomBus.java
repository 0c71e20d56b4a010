package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Relayed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** The bus of a lone instance: a message is heard here, at once, on the publisher's thread. */
final class MemoryRoomBus implements RoomBus {

    private final MemoryPresence presence;
    private volatile BiConsumer<String, BusMessage> listener = (roomId, message) -> { };

    MemoryRoomBus(MemoryPresence presence) {
        this.presence = presence;
    }

    @Override
    public void listen(BiConsumer<String, BusMessage> listener) {
        this.listener = listener;
    }

    @Override
    public Uni<Void> subscribe(String roomId) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public void unsubscribeIf(String roomId, Predicate<String> idle) {
    }

    @Override
    public Uni<Void> publish(String roomId, BusMessage message) {
        listener.accept(roomId, message);
        return Uni.createFrom().voidItem();
    }

    /** Every socket is on this instance, which found none: the addressee is away, or not in the room. */
    @Override
    public Future<Boolean> relay(String roomId, Relayed stamped) {
        return Future.succeededFuture(presence.find(roomId, stamped.to()) != null);
    }

    @Override
    public void stop() {
    }
}
