package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One trickled ICE candidate, the fields of {@code RTCIceCandidateInit}. An empty {@code candidate} is the
 * end-of-candidates marker. Schema: {@code schemas/signal/candidate.json}.
 *
 * @param to               addressee's participant id
 * @param from             sender's participant id, set by the service
 * @param candidate        the {@code candidate:} attribute line, or empty for end of candidates
 * @param sdpMid           media stream identification tag, may be {@code null}
 * @param sdpMLineIndex    index of the m-line, may be {@code null}
 * @param usernameFragment ICE ufrag the candidate belongs to, may be {@code null}
 */
@JsonTypeName(Candidate.TYPE)
@JsonPropertyOrder({"to", "from", "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment"})
public record Candidate(String to, String from, String candidate, String sdpMid, Integer sdpMLineIndex,
                        String usernameFragment) implements Relayed {
    public static final String TYPE = "candidate";

    public Candidate {
        Relayed.requireId(to, "to");
        if (candidate == null) {
            throw new IllegalArgumentException("candidate is required (empty for end of candidates)");
        }
        if (sdpMLineIndex != null && sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex must not be negative");
        }
    }

    @Override
    public Candidate withFrom(String sender) {
        return new Candidate(to, sender, candidate, sdpMid, sdpMLineIndex, usernameFragment);
    }
}
