package dev.coview.room.media;

import dev.coview.support.auth.Participant;

/**
 * Who made a snapshot or a recording, as the token said.
 *
 * @param participantId the participant id ({@code sub})
 * @param name          display name, when the token had one
 * @param role          {@code agent}, {@code customer} or {@code observer}
 */
public record MediaAuthor(String participantId, String name, String role) {

    public static MediaAuthor of(Participant p) {
        return new MediaAuthor(p.id(), p.name(), p.role().claimValue());
    }
}
