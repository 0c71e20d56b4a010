package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The client leaves the room for good (hang-up): the others get {@code peer-left} with reason {@code left} at
 * once instead of after the resume grace period, and the service closes the socket normally (1000). Schema:
 * {@code schemas/signal/bye.json}.
 */
@JsonTypeName(Bye.TYPE)
public record Bye() implements ClientSignal {
    public static final String TYPE = "bye";
}
