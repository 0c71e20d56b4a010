package dev.coview.contracts.annotation;

import java.util.List;

/**
 * Part of the state, sent ahead of the {@link RoomState} it belongs to so that no frame carries a whole room: a
 * client keeps the parts, in order, and puts their elements before the {@link RoomState}'s own. Each part is at
 * most about 64 KiB of JSON (an element larger than that comes alone).
 *
 * @param elements the next elements in the room's order
 */
public record StateElements(List<Element> elements) implements AnnotationServerMessage {
    public static final String TYPE = "state.elements";
}
