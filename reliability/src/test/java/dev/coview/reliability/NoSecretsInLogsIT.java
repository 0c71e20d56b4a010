package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.reliability.testing.Secrets;
import dev.coview.reliability.testing.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Last of the suite: the captured logs of every service instance it ran (room-service, both signaling instances and
 * the one that was killed, the annotation-service instances, the one that rebuilt its state after the Kafka restart
 * included) contain none of the secrets the run handled — every token room-service issued or the
 * suite minted (whole, or its signature), TURN credentials, the agent API key, the TURN secret, the lines of the
 * private key — and nothing shaped like a JWT or a PEM key at all. The logging MDC of every line holds ids only: a room
 * id, a participant id and trace ids, nothing else (a token or a name put into the MDC would be written on every line
 * of a room's work), and the lines of the rooms' work do carry the room's id.
 */
@Order(100)
class NoSecretsInLogsIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{20,}");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** A line of the services' plain format: {@code HH:mm:ss.SSS LEVEL [category] (thread) {mdc} message}. */
    private static final Pattern LINE = Pattern.compile(
            "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +[A-Z]+ +\\[[^\\]]*\\] \\(.*?\\) \\{([^}]*)\\}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> MDC_KEYS = Set.of("roomId", "participantId", "traceId", "spanId", "parentId",
            "sampled");

    @Test
    void theMdcOfEveryLineHoldsIdsOnly() throws IOException {
        List<String> wrong = new ArrayList<>();
        long withRoom = 0;
        for (Path log : Stack.get().logFiles()) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = LINE.matcher(line);
                if (!m.find() || m.group(1).isEmpty()) {
                    continue;
                }
                for (String entry : m.group(1).split(", ")) {
                    int eq = entry.indexOf('=');
                    String key = eq < 0 ? entry : entry.substring(0, eq);
                    String value = eq < 0 ? "" : entry.substring(eq + 1);
                    boolean idShaped = !key.equals("roomId") && !key.equals("participantId")
                            || ID.matcher(value).matches();
                    if (!MDC_KEYS.contains(key) || !idShaped) {
                        wrong.add(log.getFileName() + ": " + key);
                    }
                    withRoom += key.equals("roomId") ? 1 : 0;
                }
            }
        }
        System.out.printf("MDC scan: %d lines name their room, %d entries not an id%n", withRoom, wrong.size());
        assertThat(withRoom).as("lines written inside a room's work name the room").isPositive();
        assertThat(wrong).as("MDC entries that are not ids").isEmpty();
    }

    @Test
    void capturedLogsCarryNoTokenKeyOrSecret() throws IOException {
        Stack stack = Stack.get();
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        long bytes = 0;
        var secrets = Secrets.all();
        for (Path log : stack.logFiles()) {
            String text = Files.readString(log);
            bytes += text.length();
            lines += text.lines().count();
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " contains a secret starting " + secret.substring(0, 6));
                }
            }
            if (JWT.matcher(text).find()) {
                leaks.add(log.getFileName() + " contains something shaped like a JWT");
            }
            if (PEM.matcher(text).find()) {
                leaks.add(log.getFileName() + " contains a PEM private key");
            }
        }
        System.out.printf("log scan: %d files, %d lines, %d KiB, %d secrets looked for, %d found%n",
                stack.logFiles().size(), lines, bytes / 1024, secrets.size(), leaks.size());
        assertThat(stack.logFiles()).as("room-service, two signaling and two annotation instances at least")
                .hasSizeGreaterThan(4);
        assertThat(stack.logFiles()).as("annotation-service logs scanned")
                .anyMatch(p -> p.getFileName().toString().startsWith("annotation-"));
        assertThat(lines).as("the services did log").isPositive();
        assertThat(secrets).as("the suite handled secrets").hasSizeGreaterThan(10);
        assertThat(leaks).isEmpty();
    }
}
