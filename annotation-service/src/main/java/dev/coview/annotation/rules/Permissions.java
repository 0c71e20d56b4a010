package dev.coview.annotation.rules;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.auth.Access;
import dev.coview.support.auth.Participant;

/**
 * Who may send what: each message type's {@link Rule} declares it (no default, so a new type cannot ship without
 * one). The grant decides, so that room-service can issue narrower tokens: {@code share} for a share's crop, masks
 * and pause (and only for the sender's own share: {@link Shares#sharedBy}); {@code freeze} for freeze and
 * snapshots; {@code push} for references; {@code admin} for crop requests and clearing everybody's drawings;
 * {@code record} for asking consent to record and for starting and stopping a recording; {@code annotate} for
 * pointer and drawing. Answering a reference or a recording request has no grant of its own: it is the customer's,
 * by role.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Whether {@code who} may send {@code message}, whose type's rule asks for {@code access}. */
    public static boolean allows(Participant who, AnnotationClientMessage message, Access access) {
        if (access instanceof Access.ByRole byRole) {
            return who.role() == byRole.role();
        }
        if (message instanceof Shares.SharerSetting setting
                && !Shares.of(setting.shareId()).equals(Shares.sharedBy(who.role()))) {
            // A share's crop, masks and pause are its sharer's alone: the agent (who may share too) never moves
            // the customer's crop, nor the customer the agent's.
            return false;
        }
        return who.can(((Access.Granted) access).grant());
    }
}
