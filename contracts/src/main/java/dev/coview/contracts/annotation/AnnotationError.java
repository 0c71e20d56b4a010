package dev.coview.contracts.annotation;

/** A message was refused; codes are those of {@code dev.coview.contracts.ws.ErrorCodes}. */
public record AnnotationError(String code, String message) implements AnnotationServerMessage {
    public static final String TYPE = "error";
}
