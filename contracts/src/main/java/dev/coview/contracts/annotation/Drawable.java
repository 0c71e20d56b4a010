package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What an {@link Element} shows: a stroke or a shape, with its wire {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Stroke.class, name = Stroke.TYPE),
        @JsonSubTypes.Type(value = Shape.class, name = Shape.TYPE),
})
public sealed interface Drawable permits Stroke, Shape {

    /** Element id, chosen at random by the author's client: unique in the room (someone else's id is refused). */
    String id();
}
