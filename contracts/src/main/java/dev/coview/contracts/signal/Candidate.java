package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param fromSharer       whether it comes from the sharing (offering) end of its connection: with two-way sharing
 *                         two participants hold one connection per direction; {@code null} from older clients
 *                         (only the customer shared then)
 */
@JsonTypeName(Candidate.TYPE)
@JsonPropertyOrder({"to", "from", "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment", "fromSharer"})
public record Candidate(String to, String from, String candidate, String sdpMid, Integer sdpMLineIndex,
                        String usernameFragment,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean fromSharer) implements Relayed {
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
        return new Candidate(to, sender, candidate, sdpMid, sdpMLineIndex, usernameFragment, fromSharer);
    }

    /** A candidate of an older client, which does not say which end of the connection it comes from. */
    public Candidate(String to, String from, String candidate, String sdpMid, Integer sdpMLineIndex,
                     String usernameFragment) {
        this(to, from, candidate, sdpMid, sdpMLineIndex, usernameFragment, null);
    }
}
