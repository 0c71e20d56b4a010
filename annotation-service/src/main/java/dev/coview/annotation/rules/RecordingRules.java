package dev.coview.annotation.rules;

import static dev.coview.annotation.rules.Rule.CUSTOMER_ONLY;
import static dev.coview.annotation.rules.Rule.CAN_RECORD;
import static dev.coview.annotation.rules.Rule.admitted;
import static dev.coview.annotation.rules.Rule.always;
import static dev.coview.annotation.rules.Rule.event;
import static dev.coview.annotation.rules.Rule.noEvent;

import dev.coview.contracts.annotation.Recording;
import dev.coview.contracts.annotation.RecordingConsent;
import dev.coview.contracts.annotation.RecordingRequest;
import dev.coview.contracts.events.RecordingDeclined;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.ws.ErrorCodes;

/**
 * Recording: the agent asks the customer's consent (grant {@code record}), the customer answers (by role), the
 * agent starts and stops. The customer must always know: no recording starts without their consent to this one.
 * Starting and stopping are room-service's session events; a refusal is this service's.
 */
final class RecordingRules {

    static final Rule<RecordingRequest> REQUEST = new Rule<>(always(CAN_RECORD), (r, checks) -> Checks.id(r.requestId()),
            admitted(), (r, model, eventId, author) -> model.recordingRequested(r), noEvent());

    static final Rule<RecordingConsent> CONSENT = new Rule<>(always(CUSTOMER_ONLY),
            (c, checks) -> Checks.id(c.requestId()),
            (c, sender, room) -> c.requestId().equals(room.recordingAsked()) ? null
                    : new Refusal(ErrorCodes.INVALID_MESSAGE, "no recording request " + c.requestId() + " is pending"),
            (c, model, eventId, author) -> model.recordingAnswered(c),
            (c, sender, room) -> c.granted() ? null : event(SessionEventType.RECORDING_DECLINED,
                    new RecordingDeclined(sender.roomId(), sender.id(), c.requestId())));

    static final Rule<Recording> RECORDING = new Rule<>(always(CAN_RECORD),
            (r, checks) -> Checks.optionalId(r.recordingId()),
            (r, sender, room) -> r.on() && !room.recordingConsented()
                    ? new Refusal(ErrorCodes.FORBIDDEN, "the customer has not consented to a recording") : null,
            (r, model, eventId, author) -> model.recording(author, r), noEvent());

    private RecordingRules() {
    }
}
