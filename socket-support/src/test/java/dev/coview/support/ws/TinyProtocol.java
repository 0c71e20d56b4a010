package dev.coview.support.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** A small sealed protocol of the shape of the real ones, for the inbound tests. */
final class TinyProtocol {

    private TinyProtocol() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(Hello.class), @JsonSubTypes.Type(Move.class)})
    sealed interface Msg permits Hello, Move {
    }

    @JsonTypeName("hello")
    record Hello(String to) implements Msg {
    }

    @JsonTypeName("move")
    record Move(double x, double y) implements Msg {
        Move {
            if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("x and y must be within 0..1");
            }
        }
    }
}
