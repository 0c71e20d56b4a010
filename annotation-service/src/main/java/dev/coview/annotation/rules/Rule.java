package dev.coview.annotation.rules;

import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.RoomModel;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.auth.Access;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.support.auth.Participant;
import java.util.List;

/**
 * Everything the service does with one message type, in one place: who may send it, what makes it valid, what
 * refuses it against the room as materialized here, what it changes in the room's model, and the session event it
 * stands for. The canonical constructor takes all five, so a rule cannot leave one out; where a type has nothing to
 * say it states so ({@link #valid()}, {@link #admitted()}, {@link #neverState()}, {@link #noEvent()}).
 * {@link MessageRules} picks the rule of each type.
 *
 * @param access     who may send it (no default grant)
 * @param validation the checks of its JSON Schema on the decoded message
 * @param admission  refusals against the room as materialized on this instance, before the log
 * @param change     what it does to the room's model when read back from the log
 * @param event      the session event it stands for, published once the log has it
 */
public record Rule<M extends AnnotationClientMessage>(Grants<M> access, Validation<M> validation,
                                                      Admission<M> admission, Change<M> change,
                                                      Announcement<M> event) {

    static final Access CAN_ANNOTATE = Access.grant(Grant.ANNOTATE);
    static final Access CAN_ADMIN = Access.grant(Grant.ADMIN);
    static final Access CAN_SHARE = Access.grant(Grant.SHARE);
    static final Access CAN_FREEZE = Access.grant(Grant.FREEZE);
    static final Access CAN_PUSH = Access.grant(Grant.PUSH);
    static final Access CAN_RECORD = Access.grant(Grant.RECORD);
    static final Access CUSTOMER_ONLY = Access.role(Role.CUSTOMER);

    /** Who may send the message. */
    @FunctionalInterface
    public interface Grants<M> {
        Access of(M message);
    }

    /** What is wrong with the message ({@code null}: valid), in words for the {@code error} message. */
    @FunctionalInterface
    public interface Validation<M> {
        String problem(M message, Checks checks);
    }

    /** Why the room as materialized here refuses the message ({@code null}: admitted). */
    @FunctionalInterface
    public interface Admission<M> {
        Refusal refusal(M message, Participant sender, Room room);
    }

    /** What the message changes in the room's model: see {@link dev.coview.annotation.rooms.StateChange}. */
    @FunctionalInterface
    public interface Change<M> {
        List<Element> apply(M message, RoomModel model, String eventId, String authorId);
    }

    /** The session event the accepted message stands for ({@code null}: none). */
    @FunctionalInterface
    public interface Announcement<M> {
        SessionEvent of(M message, Participant sender, Room room);
    }

    /** Allowed to tokens with {@code access}, whatever the message says. */
    static <M> Grants<M> always(Access access) {
        return m -> access;
    }

    /** Nothing to check beyond what decoding checked. */
    static <M> Validation<M> valid() {
        return (m, checks) -> null;
    }

    /** Nothing in the room refuses it. */
    static <M> Admission<M> admitted() {
        return (m, sender, room) -> null;
    }

    /**
     * Changes nothing in the model: news for the participants (or pointer traffic, which never reaches the log);
     * the event still takes a {@code seq}.
     */
    static <M> Change<M> neverState() {
        return (m, model, eventId, author) -> null;
    }

    /** Stands for no session event. */
    static <M> Announcement<M> noEvent() {
        return (m, sender, room) -> null;
    }

    /** A session event of {@code type} with {@code data}. */
    static SessionEvent event(SessionEventType type, Object data) {
        return new SessionEvent(type, data);
    }

    /** This rule applied to {@code message}. */
    Ruling<M> on(M message) {
        return new Ruling<>(this, message);
    }
}
