package dev.coview.contracts.annotation;

import dev.coview.contracts.auth.Role;

/**
 * Which share a message is about ({@code shareId}): with two-way sharing the customer and the agent may both share,
 * and each drawing, pointer, crop, mask list, pause and freeze belongs to one share, its coordinates in that
 * share's content space. Absent means the customer's share, so messages of older clients stay valid and mean what
 * they meant. Schema: {@code schemas/common/ids.json#/$defs/shareId}.
 */
public final class Shares {

    /** The customer's share (also what an absent {@code shareId} means). */
    public static final String CUSTOMER = "customer";
    /** The agent's share. */
    public static final String AGENT = "agent";

    private Shares() {
    }

    /** The share {@code shareId} names: {@link #CUSTOMER} when absent. */
    public static String of(String shareId) {
        return shareId == null ? CUSTOMER : shareId;
    }

    /** Whether {@code shareId} is absent or names a share. */
    public static boolean valid(String shareId) {
        return shareId == null || CUSTOMER.equals(shareId) || AGENT.equals(shareId);
    }

    /** The share a participant of {@code role} shares; {@code null} for a role that never shares. */
    public static String sharedBy(Role role) {
        return switch (role) {
            case CUSTOMER -> CUSTOMER;
            case AGENT -> AGENT;
            case OBSERVER -> null;
        };
    }

    /** A message about one share. */
    public interface OnShare {
        /** The share it is about, as sent ({@code null}: the customer's). */
        String shareId();
    }

    /** What a share's sharer states about it (crop, masks, pause): only that sharer may send it. */
    public interface SharerSetting extends OnShare {
    }
}
