package dev.coview.annotation.rules;

import static dev.coview.annotation.rules.Rule.CAN_ANNOTATE;
import static dev.coview.annotation.rules.Rule.admitted;
import static dev.coview.annotation.rules.Rule.always;
import static dev.coview.annotation.rules.Rule.neverState;
import static dev.coview.annotation.rules.Rule.noEvent;
import static dev.coview.annotation.rules.Rule.valid;

import dev.coview.contracts.annotation.Ink;
import dev.coview.contracts.annotation.Pointer;
import dev.coview.contracts.annotation.PointerHide;

/**
 * Pointer traffic: the laser pointer and live ink. Volatile: relayed through {@code coview.pointers}, never the
 * log, never state, no session event.
 */
final class PointerRules {

    static final Rule<Pointer> POINTER = new Rule<>(always(CAN_ANNOTATE),
            (p, checks) -> Checks.inUnit(p.x()) && Checks.inUnit(p.y()) ? null : "x and y must be within 0..1",
            admitted(), neverState(), noEvent());

    static final Rule<PointerHide> POINTER_HIDE = new Rule<>(always(CAN_ANNOTATE), valid(), admitted(), neverState(),
            noEvent());

    /** Live ink has the shape of a stroke's first part: style and at least one point, every time. */
    static final Rule<Ink> INK = new Rule<>(always(CAN_ANNOTATE), PointerRules::ink, admitted(), neverState(),
            noEvent());

    private PointerRules() {
    }

    private static String ink(Ink i, Checks checks) {
        String problem = checks.points(i.id(), i.points());
        if (problem != null) {
            return problem;
        }
        if (i.tool() == null || i.color() == null) {
            return "tool, color and width are required";
        }
        if (i.points().length == 0) {
            return "ink needs at least one point";
        }
        return Checks.style(i.color(), i.width());
    }
}
