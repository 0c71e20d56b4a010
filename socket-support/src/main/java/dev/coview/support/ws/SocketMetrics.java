package dev.coview.support.ws;

import dev.coview.contracts.auth.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket meters of both WebSocket services, on the management port's {@code /q/metrics}:
 * {@code coview_sockets_open{role}} (sockets open on this instance; the autoscaler's custom metric) and
 * {@code coview_socket_upgrades_refused_total{reason}} (handshakes refused by {@link UpgradeGuard}). Labels are
 * enums (three roles, four reasons): no room or participant id ever becomes a label. Every meter is built once, at
 * start; the socket paths only touch an {@link AtomicInteger} or a counter they hold.
 */
@ApplicationScoped
public class SocketMetrics {

    /** Why a handshake was refused; the label value is the lower-case name. */
    public enum Refusal {
        /** {@code Origin} not on the allowlist (403). */
        ORIGIN,
        /** No valid CoView token: missing, bad signature, expired, wrong claims (401). */
        TOKEN,
        /** {@code ?room=} names another room than the token's (403). */
        OTHER_ROOM,
        /** The participant upgraded too often (429, {@link UpgradeThrottle}). */
        THROTTLED,
        /** The token's room has ended (403). */
        ROOM_ENDED,
        /** The room's agent removed the participant (403). */
        REMOVED,
        /** Redis could not say whether the room has ended (503). */
        UNAVAILABLE
    }

    private final Map<Role, AtomicInteger> open = new EnumMap<>(Role.class);
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    @Inject
    public SocketMetrics(MeterRegistry registry) {
        for (Role role : Role.values()) {
            AtomicInteger count = new AtomicInteger();
            open.put(role, count);
            Gauge.builder("coview.sockets.open", count, AtomicInteger::get)
                    .description("WebSocket connections open on this instance")
                    .tag("role", role.claimValue()).register(registry);
        }
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, Counter.builder("coview.socket.upgrades.refused")
                    .description("WebSocket handshakes refused, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** A socket of {@code role} was opened; pair with {@link #closed(Role)}. */
    public void opened(Role role) {
        open.get(role).incrementAndGet();
    }

    /** A socket of {@code role} that {@link #opened(Role)} counted was closed. */
    public void closed(Role role) {
        open.get(role).decrementAndGet();
    }

    /** Open sockets of every role on this instance. */
    public int open() {
        int sum = 0;
        for (AtomicInteger c : open.values()) {
            sum += c.get();
        }
        return sum;
    }

    void refused(Refusal reason) {
        refused.get(reason).increment();
    }
}
