package dev.coview.support.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A handler that throws on one message does not end the subscription (plain unit test). */
class EveryMessageTest {

    @Test
    void aMessageWhoseHandlerThrowsDoesNotStopTheNextOnes() {
        AtomicReference<MultiEmitter<? super String>> emitter = new AtomicReference<>();
        List<String> handled = new ArrayList<>();
        EveryMessage.handle(Multi.createFrom().<String>emitter(emitter::set), "test channel", message -> {
            if (message.equals("bad")) {
                throw new IllegalStateException("a listener's bug");
            }
            handled.add(message);
        });

        emitter.get().emit("first").emit("bad").emit("after");

        assertThat(handled).containsExactly("first", "after");
    }

    @Test
    void cancellingStopsDelivery() {
        AtomicReference<MultiEmitter<? super String>> emitter = new AtomicReference<>();
        List<String> handled = new ArrayList<>();
        var subscription = EveryMessage.handle(Multi.createFrom().<String>emitter(emitter::set), "test channel", handled::add);

        emitter.get().emit("before");
        subscription.cancel();
        emitter.get().emit("after");

        assertThat(handled).containsExactly("before");
    }
}
