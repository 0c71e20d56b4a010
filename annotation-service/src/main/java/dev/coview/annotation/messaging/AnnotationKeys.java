package dev.coview.annotation.messaging;

/**
 * Redis keys and channels private to annotation-service (no other service reads or writes them; what it shares is in
 * contracts' {@code RedisKeys}). Each constant names the value's shape and its lifetime.
 */
public final class AnnotationKeys {

    /** Pub/sub channel of annotation-service: a participant's newest socket, as {@code roomId participantId socketId
     *  joinedAtMillis}; every instance closes that participant's sockets that joined earlier (one socket per
     *  participant; 4002). Channel: {@code annotation-sockets}. */
    public static final String SOCKETS_CHANNEL = "annotation-sockets";

    private AnnotationKeys() {
    }
}
