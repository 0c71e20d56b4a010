package dev.coview.contracts.annotation;

/** Redoes the sender's last undone action. */
public record Redo() implements AnnotationClientMessage {
    public static final String TYPE = "redo";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.redo(this);
    }
}
