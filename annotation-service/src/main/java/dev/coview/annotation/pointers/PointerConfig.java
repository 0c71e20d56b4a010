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
     * Milliseconds the relay's fetch may wait at the broker when there is nothing new. It does not delay moves
     * (a fetch returns as soon as one byte is there); it bounds how long a stop waits. Default 100.
     */
    @WithDefault("100")
    int fetchMaxWaitMs();

    /** Seconds between checks of the topic's partition count (partitions added later are followed). Default 60. */
    @WithDefault("60")
    int partitionCheckSeconds();
}
