package dev.coview.contracts.annotation;

/** Undoes the sender's last drawing action (stroke, shape, erase, clear); a new event, not a rewrite. */
public record Undo() implements AnnotationClientMessage {
    public static final String TYPE = "undo";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.undo(this);
    }
}
