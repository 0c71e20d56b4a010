package dev.coview.support.ws;

import dev.coview.contracts.auth.Claims;
import dev.coview.support.auth.Participant;
import dev.coview.support.auth.ParticipantRemovals;
import dev.coview.support.auth.RoomRevocations;
import dev.coview.support.tracing.TraceParent;
import dev.coview.support.tracing.Traces;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The handshake check of every CoView socket, before any frame is exchanged: a foreign {@code Origin} → 403
 * (no cross-site WebSocket hijacking); no valid CoView token → 401 (smallrye-jwt has verified signature, issuer
 * and expiry; the token arrives in the {@code Sec-WebSocket-Protocol} bearer carrier); a {@code ?room=} that is not
 * the token's room → 403 (a client holding a stale token finds out before it talks to the wrong people; without the
 * parameter the token's room is used); the participant reconnecting too often → 429 ({@link UpgradeThrottle}); the
 * token's room has ended or its participant was removed from it ({@link ParticipantRemovals}) → 403; Redis
 * unreachable → 503. On success the {@link Participant} is stored in the connection's user
 * data under {@link #PARTICIPANT}, so endpoints never parse the token again.
 */
@ApplicationScoped
public class UpgradeGuard implements HttpUpgradeCheck {

    /** Where the endpoint finds the participant of a connection: {@code connection.userData().get(PARTICIPANT)}. */
    public static final UserData.TypedKey<Participant> PARTICIPANT = new UserData.TypedKey<>("coview.participant");
    /** When the connection's token expires (epoch seconds, its {@code exp}): see {@link TokenExpiry}. */
    public static final UserData.TypedKey<Long> EXPIRES_AT = new UserData.TypedKey<>("coview.token-expires-at");
    /**
     * Where a traced socket's work finds its parent (a W3C traceparent): the upgrade request's own
     * {@code traceparent} header when it sent a valid one (a non-browser client, a mesh or an ingress that traces),
     * else the token's {@code traceparent} claim, i.e. the join that issued the token (a browser cannot set headers on
     * a WebSocket upgrade). Absent when tracing is off or neither is there.
     */
    public static final UserData.TypedKey<String> TRACE_PARENT = new UserData.TypedKey<>("coview.trace-parent");
    /** The query parameter by which a client may name the room it means to join. */
    public static final String ROOM_PARAM = "room";

    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;
    private final RoomRevocations revocations;
    private final SocketMetrics metrics;
    private final UpgradeThrottle throttle;
    private final ParticipantRemovals removals;
    private final Traces traces;

    @Inject
    public UpgradeGuard(WebSocketConfig config, RoomRevocations revocations, SocketMetrics metrics,
                        UpgradeThrottle throttle, ParticipantRemovals removals, Traces traces) {
        this.traces = traces;
        this.throttle = throttle;
        this.removals = removals;
        List<String> origins = config.allowedOrigins();
        this.anyOrigin = origins.contains("*");
        this.allowedOrigins = Set.copyOf(origins);
        this.revocations = revocations;
        this.metrics = metrics;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && !anyOrigin && !allowedOrigins.contains(origin)) {
            Log.debugf("refused WebSocket upgrade from origin %s", origin);
            metrics.refused(SocketMetrics.Refusal.ORIGIN);
            return CheckResult.rejectUpgrade(403);
        }
        return context.securityIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> {
                    Participant participant = participantOf(identity);
                    if (participant == null) {
                        metrics.refused(SocketMetrics.Refusal.TOKEN);
                        return CheckResult.rejectUpgrade(401);
                    }
                    String wanted = context.httpRequest().getParam(ROOM_PARAM);
                    if (wanted != null && !wanted.equals(participant.roomId())) {
                        metrics.refused(SocketMetrics.Refusal.OTHER_ROOM);
                        return CheckResult.rejectUpgrade(403);
                    }
                    return throttle.allow(participant.id())
                            .flatMap(allowed -> allowed
                                    ? revocations.isEnded(participant.roomId())
                                    : Uni.createFrom().<Boolean>nullItem())
                            .flatMap(ended -> {
                                if (ended == null) {
                                    Log.debugf("refused an upgrade of participant %s: reconnecting too often",
                                            participant.id());
                                    metrics.refused(SocketMetrics.Refusal.THROTTLED);
                                    return CheckResult.rejectUpgrade(429);
                                }
                                if (ended) {
                                    metrics.refused(SocketMetrics.Refusal.ROOM_ENDED);
                                    return CheckResult.rejectUpgrade(403);
                                }
                                return removals.isRemoved(participant.roomId(), participant.id())
                                        .flatMap(removed -> {
                                            if (removed) {
                                                metrics.refused(SocketMetrics.Refusal.REMOVED);
                                                return CheckResult.rejectUpgrade(403);
                                            }
                                            context.userData().put(PARTICIPANT, participant);
                                            JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
                                            context.userData().put(EXPIRES_AT, jwt.getExpirationTime());
                                            if (traces.enabled()) {
                                                traceParent(context, jwt);
                                            }
                                            return CheckResult.permitUpgrade();
                                        });
                            })
                            .onFailure().recoverWithUni(e -> {
                                Log.warnf("cannot check whether room %s has ended: %s", participant.roomId(),
                                        e.getMessage());
                                metrics.refused(SocketMetrics.Refusal.UNAVAILABLE);
                                return CheckResult.rejectUpgrade(503);
                            });
                });
    }

    private static void traceParent(HttpUpgradeContext context, JsonWebToken jwt) {
        String parent = context.httpRequest().getHeader(TraceParent.NAME);
        if (TraceParent.parse(parent) == null) {
            Object claim = jwt.getClaim(Claims.TRACEPARENT);
            parent = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        }
        if (TraceParent.parse(parent) != null) {
            context.userData().put(TRACE_PARENT, parent);
        }
    }

    private static Participant participantOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        try {
            return Participant.of(jwt);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
