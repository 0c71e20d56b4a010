package dev.coview.annotation.rules;

import dev.coview.contracts.events.SessionEventType;

/** A session event a message stands for: its type and its data (a record of {@code dev.coview.contracts.events}). */
public record SessionEvent(SessionEventType type, Object data) {
}
