package dev.coview.contracts.signal;

/**
 * A message one participant sends to another through the service, unchanged except for {@code from}: WebRTC's
 * offer, answer and ICE candidates, and the request for an ICE restart. The same record travels both ways: the
 * client fills {@code to}; the service delivers it with {@code from} set to the sender's participant id.
 */
public sealed interface Relayed extends ClientSignal, ServerSignal permits Offer, Answer, Candidate, Restart {

    /** Longest participant id accepted in {@code to} (room-service issues 22 characters). */
    int MAX_ID_LENGTH = 64;

    /** Participant id of the addressee, in the sender's room. */
    String to();

    /** Participant id of the sender, set by the service; {@code null} as sent by a client. */
    String from();

    /** This message as delivered: {@code from} set to the sender's participant id. */
    Relayed withFrom(String from);

    /** Checks an addressee id; used by the records' constructors. */
    static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    /** Checks the SDP text of an offer or answer; used by their constructors. */
    static String requireSdp(String sdp) {
        if (sdp == null || sdp.isEmpty()) {
            throw new IllegalArgumentException("sdp is required");
        }
        return sdp;
    }
}
