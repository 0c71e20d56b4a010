package dev.coview.annotation.rules;

import static dev.coview.annotation.rules.Rule.CAN_ADMIN;
import static dev.coview.annotation.rules.Rule.CAN_FREEZE;
import static dev.coview.annotation.rules.Rule.CAN_SHARE;
import static dev.coview.annotation.rules.Rule.admitted;
import static dev.coview.annotation.rules.Rule.always;
import static dev.coview.annotation.rules.Rule.event;
import static dev.coview.annotation.rules.Rule.neverState;
import static dev.coview.annotation.rules.Rule.noEvent;

import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.CropRequest;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.annotation.SnapshotNotice;
import dev.coview.contracts.events.CropChanged;
import dev.coview.contracts.events.FreezeEnded;
import dev.coview.contracts.events.FreezeStarted;
import dev.coview.contracts.events.MasksChanged;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.events.SharePaused;
import dev.coview.contracts.events.ShareResumed;
import java.time.Instant;

/**
 * What a share shows: its crop, masks and pause (grant {@code share}, and only from the share's own sharer:
 * {@link Permissions}), the agent's crop request, the freeze and the snapshot saved of it.
 */
final class ShareRules {

    static final Rule<Crop> CROP = new Rule<>(always(CAN_SHARE), ShareRules::crop, admitted(),
            (c, model, eventId, author) -> model.crop(c),
            (c, sender, room) -> event(SessionEventType.CROP_CHANGED, new CropChanged(sender.roomId(), sender.id(),
                    c.x(), c.y(), c.w(), c.h(), c.sourceW(), c.sourceH(), agentShare(c.shareId()))));

    /** News for the customer's client, which applies it only if allowed; never state. */
    static final Rule<CropRequest> CROP_REQUEST = new Rule<>(always(CAN_ADMIN),
            (c, checks) -> Checks.rect(c.x(), c.y(), c.w(), c.h()) ? null
                    : "crop.request must be a non-empty rectangle within 0..1",
            admitted(), neverState(), noEvent());

    static final Rule<Masks> MASKS = new Rule<>(always(CAN_SHARE), (m, checks) -> checks.masks(m.rects()), admitted(),
            (m, model, eventId, author) -> model.masks(m),
            (m, sender, room) -> event(SessionEventType.MASKS_CHANGED,
                    new MasksChanged(sender.roomId(), sender.id(), m.rects().size(), agentShare(m.shareId()))));

    /** The sharer's client sends pause only when it changes (not again after a reconnect): one event per change. */
    static final Rule<Pause> PAUSE = new Rule<>(always(CAN_SHARE), Rule.valid(), admitted(),
            (p, model, eventId, author) -> model.pause(p),
            (p, sender, room) -> p.on()
                    ? event(SessionEventType.SHARE_PAUSED,
                            new SharePaused(sender.roomId(), sender.id(), Instant.now(), agentShare(p.shareId())))
                    : event(SessionEventType.SHARE_RESUMED,
                            new ShareResumed(sender.roomId(), sender.id(), Instant.now(), agentShare(p.shareId()))));

    static final Rule<Freeze> FREEZE = new Rule<>(always(CAN_FREEZE), (f, checks) -> Checks.optionalId(f.snapshotId()),
            admitted(), (f, model, eventId, author) -> model.freeze(author, f),
            (f, sender, room) -> f.on()
                    ? event(SessionEventType.FREEZE_STARTED,
                            new FreezeStarted(sender.roomId(), sender.id(), f.snapshotId(), agentShare(f.shareId())))
                    : event(SessionEventType.FREEZE_ENDED,
                            new FreezeEnded(sender.roomId(), sender.id(), agentShare(f.shareId()))));

    /**
     * News for the participants, never state. Its session event is room-service's, which stores the snapshot and
     * knows its sha256: it publishes {@code snapshot.saved} when the upload succeeds.
     */
    static final Rule<SnapshotNotice> SNAPSHOT = new Rule<>(always(CAN_FREEZE),
            (s, checks) -> Checks.id(s.snapshotId()), admitted(), neverState(), noEvent());

    private ShareRules() {
    }

    /**
     * A session event's {@code shareId}: {@code agent} for the agent's share, {@code null} (absent) for the
     * customer's, so that the customer's events keep the previous release's shape.
     */
    static String agentShare(String shareId) {
        return Shares.AGENT.equals(shareId) ? shareId : null;
    }

    private static String crop(Crop c, Checks checks) {
        if (!Checks.rect(c.x(), c.y(), c.w(), c.h())) {
            return "crop must be a non-empty rectangle within 0..1";
        }
        return c.sourceW() >= 1 && c.sourceW() <= Checks.MAX_SOURCE_PIXELS && c.sourceH() >= 1
                && c.sourceH() <= Checks.MAX_SOURCE_PIXELS ? null : "sourceW and sourceH must be within 1..16384";
    }
}
