package dev.coview.reliability.testing;

/**
 * A room that must not notice an attack on another ({@link HealthyRoom} on the signaling instances,
 * {@link HealthyAnnotationRoom} on the annotation instances): {@link #probe()} between attack steps fails the test
 * when the room no longer works.
 */
public interface HealthyProbe extends AutoCloseable {

    /** One round trip each way; fails when a probe does not arrive, in order, at the other side. */
    void probe();

    /** Probes done so far (each way). */
    int probes();

    @Override
    void close();
}
