package dev.coview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.reliability.testing.Secrets;
import dev.coview.reliability.testing.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Last of the suite: the captured logs of every service instance it ran (room-service, both signaling instances and
 * the one that was killed, the annotation-service instances, the one that rebuilt its state after the Kafka restart
 * included) contain none of the secrets the run handled — every token room-service issued or the
 * suite minted (whole, or its signature), TURN credentials, the agent API key, the TURN secret, the lines of the
 * private key — and nothing shaped like a JWT or a PEM key at all.
 */
@Order(100)
class NoSecretsInLogsIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{20,}");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

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
