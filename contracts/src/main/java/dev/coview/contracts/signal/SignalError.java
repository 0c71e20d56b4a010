package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One message of the client was refused; the socket stays open. Schema: {@code schemas/signal/error.json}.
 *
 * @param code    one of {@link dev.coview.contracts.ws.ErrorCodes}
 * @param message human-readable detail (English), never a token or another participant's data
 */
@JsonTypeName(SignalError.TYPE)
@JsonPropertyOrder({"code", "message"})
public record SignalError(String code, String message) implements ServerSignal {
    public static final String TYPE = "error";
}
