package dev.coview.annotation.rules;

import static dev.coview.annotation.rules.Rule.CAN_ADMIN;
import static dev.coview.annotation.rules.Rule.CAN_ANNOTATE;
import static dev.coview.annotation.rules.Rule.admitted;
import static dev.coview.annotation.rules.Rule.always;
import static dev.coview.annotation.rules.Rule.noEvent;
import static dev.coview.annotation.rules.Rule.valid;

import dev.coview.annotation.rooms.Room;
import dev.coview.contracts.annotation.Clear;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.annotation.Erase;
import dev.coview.contracts.annotation.Redo;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.ShapeKind;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokePhase;
import dev.coview.contracts.annotation.Undo;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.ws.ErrorCodes;
import dev.coview.support.auth.Participant;

/**
 * Drawing: strokes, shapes, erasing, undo, redo and clearing. Durable state, grant {@code annotate} (clearing
 * everybody's takes {@code admin}); drawing stands for no session event.
 */
final class DrawingRules {

    static final Rule<Stroke> STROKE = new Rule<>(always(CAN_ANNOTATE), DrawingRules::stroke, admitted(),
            (s, model, eventId, author) -> model.stroke(author, s), noEvent());

    static final Rule<Shape> SHAPE = new Rule<>(always(CAN_ANNOTATE), DrawingRules::shape, admitted(),
            (s, model, eventId, author) -> model.shape(author, s), noEvent());

    /** One's own element, or anybody's with grant {@code admin}. */
    static final Rule<Erase> ERASE = new Rule<>(always(CAN_ANNOTATE), (e, checks) -> Checks.id(e.id()),
            DrawingRules::erasable, (e, model, eventId, author) -> model.erase(author, e), noEvent());

    static final Rule<Undo> UNDO = new Rule<>(always(CAN_ANNOTATE), valid(), admitted(),
            (u, model, eventId, author) -> model.replay(author, true), noEvent());

    static final Rule<Redo> REDO = new Rule<>(always(CAN_ANNOTATE), valid(), admitted(),
            (r, model, eventId, author) -> model.replay(author, false), noEvent());

    static final Rule<Clear> CLEAR = new Rule<>(c -> c.scope() == ClearScope.ALL ? CAN_ADMIN : CAN_ANNOTATE, valid(),
            admitted(), (c, model, eventId, author) -> model.clear(author, c.scope()), noEvent());

    private DrawingRules() {
    }

    private static String stroke(Stroke s, Checks checks) {
        String problem = checks.points(s.id(), s.points());
        if (problem != null) {
            return problem;
        }
        if (s.phase() == null || s.phase() == StrokePhase.BEGIN) {
            if (s.tool() == null || s.color() == null || s.width() == null) {
                return "tool, color and width are required";
            }
            if (s.points().length == 0) {
                return "a stroke needs at least one point";
            }
            return Checks.style(s.color(), s.width());
        }
        return null;
    }

    private static String shape(Shape s, Checks checks) {
        String idProblem = Checks.id(s.id());
        if (idProblem != null) {
            return idProblem;
        }
        if (!Checks.inUnit(s.x1()) || !Checks.inUnit(s.y1()) || !Checks.inUnit(s.x2()) || !Checks.inUnit(s.y2())) {
            return "x1, y1, x2, y2 must be within 0..1";
        }
        if (s.kind() == ShapeKind.TEXT) {
            String textProblem = checks.text(s.text());
            if (textProblem != null) {
                return textProblem;
            }
        } else if (s.text() != null) {
            return "only text shapes carry text";
        }
        return Checks.style(s.color(), s.width());
    }

    private static Refusal erasable(Erase erase, Participant sender, Room room) {
        String author = room.authorOf(erase.id());
        return author != null && !author.equals(sender.id()) && !sender.can(Grant.ADMIN)
                ? new Refusal(ErrorCodes.FORBIDDEN, "only the author or the agent may erase " + erase.id()) : null;
    }
}
