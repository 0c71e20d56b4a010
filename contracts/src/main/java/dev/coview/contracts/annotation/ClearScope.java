package dev.coview.contracts.annotation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a {@link Clear} removes. */
public enum ClearScope {
    /** The sender's own elements (grant {@code annotate}). */
    @JsonProperty("own") OWN,
    /** Everybody's elements (grant {@code admin}). */
    @JsonProperty("all") ALL
}
