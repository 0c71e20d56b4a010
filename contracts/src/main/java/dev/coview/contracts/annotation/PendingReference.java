package dev.coview.contracts.annotation;

/** A pushed link waiting for the customer's answer. */
public record PendingReference(String eventId, String authorId, String url) {
}
