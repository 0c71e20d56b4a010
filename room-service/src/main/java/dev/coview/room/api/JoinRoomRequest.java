package dev.coview.room.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/rooms/join}: exactly one of {@code code} and {@code invite}.
 *
 * @param code   the 6-digit join code the agent read out
 * @param invite the {@code invite} parameter of the invite link
 * @param name   the customer's display name (optional)
 */
public record JoinRoomRequest(
        @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code,
        @Pattern(regexp = "[A-Za-z0-9_-]{22}", message = "is not an invite of this service") String invite,
        @Size(max = 80) String name) {

    /** Bean Validation reads this as the property {@code codeOrInvite}. */
    @JsonIgnore
    @AssertTrue(message = "give either a code or an invite")
    public boolean isCodeOrInvite() {
        return (code == null) != (invite == null);
    }
}
