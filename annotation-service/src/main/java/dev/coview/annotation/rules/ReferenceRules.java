package dev.coview.annotation.rules;

import static dev.coview.annotation.rules.Rule.CUSTOMER_ONLY;
import static dev.coview.annotation.rules.Rule.CAN_PUSH;
import static dev.coview.annotation.rules.Rule.admitted;
import static dev.coview.annotation.rules.Rule.always;
import static dev.coview.annotation.rules.Rule.event;
import static dev.coview.annotation.rules.Rule.valid;

import dev.coview.contracts.annotation.ReferenceAnswer;
import dev.coview.contracts.annotation.ReferencePush;
import dev.coview.contracts.events.ReferenceDeclined;
import dev.coview.contracts.events.ReferenceOpened;
import dev.coview.contracts.events.ReferencePushed;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.ws.ErrorCodes;

/**
 * References: the agent pushes a link (grant {@code push}), the customer opens or declines it (by role: the
 * answer is theirs whatever their token grants).
 */
final class ReferenceRules {

    static final Rule<ReferencePush> PUSH = new Rule<>(always(CAN_PUSH), (r, checks) -> checks.reference(r.url()),
            admitted(), (r, model, eventId, author) -> model.referencePushed(eventId, author, r),
            (r, sender, room) -> event(SessionEventType.REFERENCE_PUSHED,
                    new ReferencePushed(sender.roomId(), sender.id(), r.url())));

    /** Answers the link pending as materialized here; its session event names that link. */
    static final Rule<ReferenceAnswer> ANSWER = new Rule<>(always(CUSTOMER_ONLY), valid(),
            (a, sender, room) -> room.pendingReference() == null
                    ? new Refusal(ErrorCodes.INVALID_MESSAGE, "no reference is pending") : null,
            (a, model, eventId, author) -> model.referenceAnswered(),
            (a, sender, room) -> a.accepted()
                    ? event(SessionEventType.REFERENCE_OPENED,
                            new ReferenceOpened(sender.roomId(), sender.id(), room.pendingReference().url()))
                    : event(SessionEventType.REFERENCE_DECLINED,
                            new ReferenceDeclined(sender.roomId(), sender.id(), room.pendingReference().url())));

    private ReferenceRules() {
    }
}
