package dev.coview.local.launcher;

import dev.coview.contracts.kafka.Topics;
import dev.coview.local.servers.KafkaClients;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * {@code ./coview events}: prints CoView's session events (CloudEvents on {@code coview.session-events}) as they
 * happen, one line each — time, type, room, data — from the start of the topic, then follows it. The first thing
 * an integrator runs. Kafka's address comes from {@code --kafka}, {@code COVIEW_KAFKA_BOOTSTRAP}, or the
 * {@code .coview/up.env} that a running {@code ./coview up} writes.
 */
public final class EventsTail {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private EventsTail() {
    }

    public static void main(String[] args) throws IOException {
        String bootstrap = null;
        boolean fromStart = true;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka" -> bootstrap = args[++i];
                case "--root" -> root = Path.of(args[++i]);
                case "--new" -> fromStart = false;
                default -> throw new IllegalArgumentException("usage: coview events [--kafka host:port] [--new]");
            }
        }
        if (bootstrap == null) {
            bootstrap = System.getenv("COVIEW_KAFKA_BOOTSTRAP");
        }
        if (bootstrap == null) {
            bootstrap = UpEnv.read(root).get("COVIEW_KAFKA_BOOTSTRAP");
        }
        if (bootstrap == null) {
            System.err.println("coview events: no Kafka to read: start ./coview up, or pass --kafka host:port");
            System.exit(2);
        }
        PrintStream out = System.out;
        out.println("following " + Topics.SESSION_EVENTS + " on " + bootstrap + " (Ctrl-C to stop)");
        // A group of its own each run: tailing never moves anyone else's offsets.
        try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(bootstrap, "coview-events-tail",
                fromStart)) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(format(r));
                }
            }
        }
    }

    /** {@code 12:00:01.123  room.created          room=AbC…  {"…"}}: the type without its prefix. */
    static String format(ConsumerRecord<String, String> r) {
        String type = header(r, "ce_type");
        String shortType = type != null && type.startsWith("dev.coview.") ? type.substring("dev.coview.".length())
                : String.valueOf(type);
        String time = header(r, "ce_time");
        String when = time != null ? TIME.format(Instant.parse(time)) : TIME.format(Instant.ofEpochMilli(
                r.timestamp()));
        return String.format("%s  \u001b[1m%-26s\u001b[0m room=%s  %s", when, shortType, r.key(), r.value());
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads {@code .coview/up.env}, written by a running {@code ./coview up}. */
    static final class UpEnv {
        private UpEnv() {
        }

        static java.util.Map<String, String> read(Path root) throws IOException {
            Path f = root.resolve(".coview/up.env");
            java.util.Map<String, String> env = new java.util.HashMap<>();
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        env.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            return env;
        }
    }
}
