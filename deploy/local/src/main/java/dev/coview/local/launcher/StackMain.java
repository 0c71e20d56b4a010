package dev.coview.local.launcher;

import dev.coview.local.servers.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs only Redis and Kafka ({@code ./coview stack}, and the orphan test): prints their addresses and pids, one
 * {@code key=value} per line, then {@code READY}, and runs until standard input closes or the JVM is stopped.
 */
public final class StackMain {
    private StackMain() {
    }

    public static void main(String[] args) throws IOException {
        Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("coview-stack-");
        LocalStack stack = LocalStack.start(base);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "coview-stack-stop"));
        System.out.println("redis=" + stack.redisUrl());
        System.out.println("kafka=" + stack.bootstrapServers());
        System.out.println("redis.pid=" + stack.redis().process().pid());
        System.out.println("kafka.pid=" + stack.kafka().process().pid());
        System.out.println("READY");
        System.out.flush();
        // Block until our parent goes away (stdin closes) or Ctrl-C runs the shutdown hook.
        while (System.in.read() >= 0) {
            // Input is ignored; only its end matters.
        }
        stack.close();
    }
}
