package dev.coview.annotation.pointers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The pointer path ({@code coview.pointers}): a raw Kafka producer and an assigned (group-less) consumer per
 * instance. The other Kafka settings ({@code kafka.*}: bootstrap servers, TLS, SASL) are those of every channel.
 */
@ConfigMapping(prefix = "coview.pointers")
public interface PointerConfig {

    /**
     * Milliseconds the producer waits to batch pointer moves of the same partition into one request. Default 1: at
     * 30,000 moves/s a millisecond already holds dozens per partition, and a longer wait is added to every move.
     */
    @WithDefault("1")
    int lingerMs();

    /**
     * Milliseconds the relay's fetch may wait at the broker until {@link #fetchMinBytes()} are there; with the
     * default minimum of 1 byte it does not delay moves, and it bounds how long a stop waits. Default 100.
     */
    @WithDefault("100")
    int fetchMaxWaitMs();

    /**
     * Bytes the broker gathers before it answers the relay's fetch (or {@link #fetchMaxWaitMs()} passed). Default 1:
     * every fetch returns at once. Larger values trade latency for fewer fetches under load (see
     * bench/results/TUNING-annotation.md).
     */
    @WithDefault("1")
    int fetchMinBytes();

    /** Seconds between checks of the topic's partition count (partitions added later are followed). Default 60. */
    @WithDefault("60")
    int partitionCheckSeconds();
}
