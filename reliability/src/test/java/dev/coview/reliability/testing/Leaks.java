package dev.coview.reliability.testing;

import java.util.List;
import java.util.regex.Pattern;

/** What must never appear in a reply: a stack trace, or any secret the suite handled ({@link Secrets}). */
public final class Leaks {

    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\tat |\\bat [a-z]+\\.[a-z]+\\.|Exception:|Caused by:|\\.java:\\d+\\))");

    private Leaks() {
    }

    /** Why {@code text} leaks, or {@code null}. */
    public static String find(String text) {
        if (STACK_TRACE.matcher(text).find()) {
            return "a stack trace";
        }
        for (String secret : Secrets.all()) {
            if (text.contains(secret)) {
                return "a secret (" + secret.substring(0, 6) + "…)";
            }
        }
        return null;
    }

    /** Names of Java classes of the service in a client-visible text: not a secret, but internals. */
    public static boolean namesInternals(String text) {
        return text.contains("dev.coview.") || text.contains("com.fasterxml.") || text.contains("DeserializationFeature");
    }

    public static List<String> all(List<String> texts) {
        return texts.stream().map(Leaks::find).filter(java.util.Objects::nonNull).toList();
    }
}
