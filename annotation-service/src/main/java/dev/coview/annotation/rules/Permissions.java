package dev.coview.annotation.rules;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationClientMessage.Clear;
import dev.coview.contracts.annotation.AnnotationClientMessage.Crop;
import dev.coview.contracts.annotation.AnnotationClientMessage.CropRequest;
import dev.coview.contracts.annotation.AnnotationClientMessage.Freeze;
import dev.coview.contracts.annotation.AnnotationClientMessage.Masks;
import dev.coview.contracts.annotation.AnnotationClientMessage.Pause;
import dev.coview.contracts.annotation.AnnotationClientMessage.Recording;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingConsent;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingRequest;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferenceAnswer;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferencePush;
import dev.coview.contracts.annotation.AnnotationClientMessage.SnapshotSaved;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import dev.coview.support.auth.Participant;

/**
 * Who may send what. The grant decides, so that room-service can issue narrower tokens: {@code share} for the
 * customer's crop, masks and pause; {@code freeze} for freeze and snapshots; {@code push} for references;
 * {@code admin} for crop requests and clearing everybody's drawings; {@code record} for asking consent to record
 * and for starting and stopping a recording; {@code annotate} for pointer and drawing. Answering a reference or a
 * recording request has no grant of its own: it is the customer's, by role.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Whether {@code who} may send {@code message}. */
    public static boolean allows(Participant who, AnnotationClientMessage message) {
        if (message instanceof ReferenceAnswer || message instanceof RecordingConsent) {
            return who.role() == Role.CUSTOMER;
        }
        return who.can(requiredGrant(message));
    }

    /** The grant a message needs ({@code reference.answer}, {@code recording.consent}: none, see {@link #allows}). */
    public static Grant requiredGrant(AnnotationClientMessage message) {
        if (message instanceof Crop || message instanceof Masks || message instanceof Pause) {
            return Grant.SHARE;
        } else if (message instanceof Freeze || message instanceof SnapshotSaved) {
            return Grant.FREEZE;
        } else if (message instanceof ReferencePush) {
            return Grant.PUSH;
        } else if (message instanceof RecordingRequest || message instanceof Recording) {
            return Grant.RECORD;
        } else if (message instanceof CropRequest) {
            return Grant.ADMIN;
        } else if (message instanceof Clear c && c.scope() == ClearScope.ALL) {
            return Grant.ADMIN;
        } else if (message instanceof ReferenceAnswer || message instanceof RecordingConsent) {
            return null;
        }
        // pointer, pointer.hide, stroke, shape, erase, undo, redo, clear own.
        return Grant.ANNOTATE;
    }
}
