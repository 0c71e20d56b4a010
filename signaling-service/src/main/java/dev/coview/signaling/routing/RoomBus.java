package dev.coview.signaling.routing;

import dev.coview.contracts.signal.Relayed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * How the instances serving a room tell each other what happens in it ({@link BusMessage}). Every instance
 * subscribed to a room, the publisher's included, hears each message. {@link MemoryRoomBus}: this instance only, heard
 * at once; {@link RedisRoomBus}: the room's Redis channel, at most once. Non-blocking.
 */
public interface RoomBus {

    /** Who hears the messages of subscribed rooms: called with (roomId, message). Set once, before any subscription. */
    void listen(BiConsumer<String, BusMessage> listener);

    /** Subscribes to the room unless already subscribed; completes once messages of the room will be heard. */
    Uni<Void> subscribe(String roomId);

    /** Unsubscribes from the room if {@code idle} still holds for it when the change is made. */
    void unsubscribeIf(String roomId, Predicate<String> idle);

    /** Tells every instance subscribed to the room. */
    Uni<Void> publish(String roomId, BusMessage message);

    /**
     * Delivers a stamped signal to its addressee, whose socket is not on this instance, wherever it is; completes with
     * whether the addressee is a participant of the room (it may be away, within its grace: then nothing is
     * delivered, and the resumed peer's ICE restart renegotiates). A Vert.x future, not a {@link Uni}: it is once per
     * relayed signal, and each Mutiny operator captures the thread's contexts ({@link ChannelPublisher}).
     */
    Future<Boolean> relay(String roomId, Relayed stamped);

    /** Stops hearing anything. */
    void stop();
}
