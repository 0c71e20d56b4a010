package dev.coview.local.testing;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A listener for the JDK's WebSocket client that joins the fragments of each text message and hands on whole
 * messages, the close (code and reason) and a socket error; it asks for every next message itself.
 */
public final class WholeTexts implements WebSocket.Listener {

    private final Consumer<String> onText;
    private final BiConsumer<Integer, String> onClose;
    private final Consumer<Throwable> onError;
    private final StringBuilder partial = new StringBuilder();

    public WholeTexts(Consumer<String> onText, BiConsumer<Integer, String> onClose, Consumer<Throwable> onError) {
        this.onText = onText;
        this.onClose = onClose;
        this.onError = onError;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            onText.accept(text);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        onClose.accept(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        onError.accept(error);
    }
}
