package dev.coview.annotation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Limits of annotation-service. The protocol's JSON Schemas state the same defaults. */
@ConfigMapping(prefix = "coview.annotation")
public interface AnnotationConfig {

    /** Points one {@code stroke} message may carry (each point is two numbers). Default 2000. */
    @WithDefault("2000")
    int maxPointsPerMessage();

    /** Points one stroke may have in all; further appends are refused. Default 20000. */
    @WithDefault("20000")
    int maxPointsPerStroke();

    /** Characters of a text shape. Default 500. */
    @WithDefault("500")
    int maxTextLength();

    /** Privacy mask rectangles in one {@code masks} message. Default 32. */
    @WithDefault("32")
    int maxMasks();

    /** Characters of a pushed reference URL. Default 2048. */
    @WithDefault("2048")
    int maxUrlLength();

    /**
     * Domains a pushed reference may point to (the domain itself and its subdomains); absent: any http(s) URL.
     * Example: {@code example.com,help.example.org}.
     */
    Optional<List<String>> referenceDomains();

    /** Actions each author can undo (older ones drop off). Default 100. */
    @WithDefault("100")
    int undoDepth();

    /**
     * Event ids remembered per room to drop a redelivered record (a producer retry lands right after the original,
     * so a window suffices). Default 10000.
     */
    @WithDefault("10000")
    int dedupeWindow();

    /** Elements (strokes and shapes) a room may hold; new ones beyond are refused. Default 5000. */
    @WithDefault("5000")
    int maxElementsPerRoom();
}
