package dev.coview.contracts.annotation;

/** The sender's pointer left the content. */
public record PointerHide() implements AnnotationClientMessage, AnnotationClientMessage.Volatile {
    public static final String TYPE = "pointer.hide";

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.pointerHide(this);
    }
}
