package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages the service sends on {@code /ws/annotations}, a file per record (as the client's messages and the
 * signals). A client first receives one {@link RoomState} (preceded by {@link StateElements} frames when the room
 * holds more than one frame's worth of elements), then every {@link RoomEvent} of the room after the state's
 * {@code seq}, with no gap and no duplicate; {@link AnnotationError} when a message is refused (the socket stays
 * open). Schemas: {@code schemas/annotation/server/<type>.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RoomState.class, name = RoomState.TYPE),
        @JsonSubTypes.Type(value = StateElements.class, name = StateElements.TYPE),
        @JsonSubTypes.Type(value = RoomEvent.class, name = RoomEvent.TYPE),
        @JsonSubTypes.Type(value = AnnotationError.class, name = AnnotationError.TYPE),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AnnotationServerMessage permits RoomState, StateElements, RoomEvent, AnnotationError {
}
