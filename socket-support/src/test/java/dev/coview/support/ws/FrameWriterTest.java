package dev.coview.support.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameWriterTest {

    /**
     * The relay paths depend on the direct write for their throughput; the fallback works but is slow. A Quarkus
     * upgrade that moves websockets-next's socket accessor fails here instead of quietly costing CPU.
     */
    @Test
    void findsTheVertxSocketOfThisQuarkusVersion() {
        assertThat(FrameWriter.direct()).isTrue();
    }
}
