package dev.coview.annotation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.annotation.metrics.AnnotationMetrics;
import dev.coview.annotation.rooms.Rooms;
import dev.coview.contracts.kafka.Topics;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.testing.TestTokens;
import dev.coview.support.logging.RoomLogContext;
import dev.coview.support.tracing.Traces;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The room and participant in the logging MDC on the materializer's event loop, read from the records a real JBoss
 * LogManager handler receives (Quarkus' MDC, real Redis and Kafka of deploy/local), and in the JSON of such a line. The log line that reported the
 * catch-up ("annotation state is current") once carried the participant of the last record applied before it: the
 * MDC was set for a record and never cleared on the event loop.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
class RoomLogContextTest {

    private static final String CATEGORY = "dev.coview.annotation.messaging";

    @Inject
    Rooms rooms;
    @Inject
    AnnotationMetrics metrics;
    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;

    private final Captured captured = new Captured();
    private Level level;

    @BeforeEach
    void capture() {
        var logger = LogContext.getLogContext().getLogger(CATEGORY);
        level = logger.getLevel();
        logger.setLevel(Level.FINE);
        LogContext.getLogContext().getLogger("").addHandler(captured);
    }

    @AfterEach
    void release() {
        LogContext.getLogContext().getLogger("").removeHandler(captured);
        LogContext.getLogContext().getLogger(CATEGORY).setLevel(level);
    }

    @Test
    void linesOfARecordNameItsRoomAndAuthorAndTheLinesAfterItNameNoOne() throws Exception {
        String room = TestTokens.randomId();
        String author = TestTokens.randomId();
        CatchUp catchUp = new CatchUp();
        catchUp.target(Map.of(0, 1L));
        AnnotationLogConsumer consumer = new AnnotationLogConsumer(rooms, catchUp, mapper, metrics, Traces.off());
        // One duplicated context on an event loop, as the channel hands its records (Quarkus keeps the MDC in a
        // duplicated context; on a root context it would keep nothing): the record, then other work on it.
        Context loop = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        run(loop, () -> consumer.consume(stroke(room, author)));
        run(loop, () -> Logger.getLogger(CATEGORY).info("other work on the materializer's event loop"));

        ExtLogRecord applying = captured.line("applying stroke");
        assertThat(applying.getMdc(RoomLogContext.ROOM_ID)).isEqualTo(room);
        assertThat(applying.getMdc(RoomLogContext.PARTICIPANT_ID)).isEqualTo(author);
        // COVIEW_LOG_JSON=true: Quarkus' JSON formatter writes the same line with the ids in "mdc".
        assertThat(mapper.readTree(new JsonFormatter().format(applying)).path("mdc"))
                .isEqualTo(mapper.createObjectNode().put(RoomLogContext.ROOM_ID, room)
                        .put(RoomLogContext.PARTICIPANT_ID, author));
        for (String after : List.of("annotation state is current", "other work on the materializer's event loop")) {
            ExtLogRecord line = captured.line(after);
            assertThat(line.getMdc(RoomLogContext.ROOM_ID)).as("room of '%s'", after).isNull();
            assertThat(line.getMdc(RoomLogContext.PARTICIPANT_ID)).as("participant of '%s'", after).isNull();
        }
    }

    private static void run(Context loop, Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<String, String> stroke(String room, String author) {
        String value = "{\"type\":\"event\",\"eventId\":\"" + TestTokens.randomId() + "\",\"roomId\":\"" + room
                + "\",\"authorId\":\"" + author + "\",\"ts\":1,\"event\":{\"type\":\"stroke\",\"id\":\"s1\","
                + "\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0.005,\"points\":[0.1,0.1,0.2,0.2]}}";
        return new ConsumerRecord<>(Topics.ANNOTATIONS, 0, 0, room, value);
    }

    /** Every record the root logger hands its handlers, with the MDC as it was when the line was written. */
    private static final class Captured extends ExtHandler {

        private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        protected void doPublish(ExtLogRecord record) {
            record.copyMdc();
            records.add(record);
        }

        ExtLogRecord line(String startingWith) {
            return records.stream().filter(r -> r.getFormattedMessage().startsWith(startingWith)).findFirst()
                    .orElseThrow(() -> new AssertionError("no log line starting '" + startingWith + "' in "
                            + records.stream().map(ExtLogRecord::getFormattedMessage).toList()));
        }
    }
}
