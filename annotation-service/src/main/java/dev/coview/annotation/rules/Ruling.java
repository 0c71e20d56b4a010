package dev.coview.annotation.rules;

import dev.coview.annotation.rooms.Room;
import dev.coview.annotation.rooms.RoomModel;
import dev.coview.annotation.rooms.StateChange;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.auth.Access;
import dev.coview.support.auth.Participant;
import java.util.List;

/** One message with the rule of its type ({@link MessageRules#of}). */
public record Ruling<M extends AnnotationClientMessage>(Rule<M> rule, M message) implements StateChange {

    /** Who may send the message. */
    public Access access() {
        return rule.access().of(message);
    }

    /** What is wrong with the message ({@code null}: valid); a {@code shareId} must name a share, whatever the type. */
    public String problem(Checks checks) {
        if (message instanceof Shares.OnShare on && !Shares.valid(on.shareId())) {
            return "shareId must be customer or agent";
        }
        return rule.validation().problem(message, checks);
    }

    /** Why the room as materialized here refuses the message ({@code null}: admitted). */
    public Refusal refusal(Participant sender, Room room) {
        return rule.admission().refusal(message, sender, room);
    }

    @Override
    public List<Element> apply(RoomModel model, String eventId, String authorId) {
        return rule.change().apply(message, model, eventId, authorId);
    }

    /** The session event the message stands for ({@code null}: none); decided when it is accepted. */
    public SessionEvent sessionEvent(Participant sender, Room room) {
        return rule.event().of(message, sender, room);
    }
}
