package dev.coview.local.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LocalStack} of a test class's own (a static {@code @RegisterExtension} field), in a temporary directory:
 * started before the class's tests, closed after them. The servers' watchdogs remove their work directories once
 * the servers have exited; the close waits for that before it deletes the rest, so nothing is left behind and
 * nothing deletes under a watchdog's feet.
 */
final class OwnLocalStack implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private Path base;
    private LocalStack stack;

    /** @param prefix the temporary directory's name prefix, which says whose stack it was */
    OwnLocalStack(String prefix) {
        this.prefix = prefix;
    }

    LocalStack stack() {
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        base = Files.createTempDirectory(prefix);
        stack = LocalStack.start(base);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Path redisWork = base.resolve("redis");
        Path kafkaWork = base.resolve("kafka");
        stack.close();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(redisWork)
                && !Files.exists(kafkaWork));
        LocalStack.deleteTree(base);
    }
}
