package dev.coview.annotation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.auth.Role;
import dev.coview.support.auth.Participant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two-way sharing: the session events of a share's settings and of a freeze say whose share it was. The agent's
 * carry {@code shareId: "agent"}; the customer's leave it out, keeping the previous release's shape. Pure: the
 * rules' announcements, serialized as the session events are.
 */
class ShareRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Participant AGENT = new Participant("agent1", "room1", Role.AGENT, Set.of(), "Ada", "t1");

    @Test
    void theAgentsShareIsNamedInItsCropMasksPauseAndFreezeEvents() throws Exception {
        assertThat(data(ShareRules.CROP.event().of(new Crop(0, 0, 1, 1, 1920, 1080, "agent"), AGENT, null))
                .path("shareId").asText()).isEqualTo("agent");
        assertThat(data(ShareRules.MASKS.event().of(new Masks(List.of(), "agent"), AGENT, null)).path("shareId")
                .asText()).isEqualTo("agent");
        assertThat(data(ShareRules.PAUSE.event().of(new Pause(true, "agent"), AGENT, null)).path("shareId").asText())
                .isEqualTo("agent");
        assertThat(data(ShareRules.PAUSE.event().of(new Pause(false, "agent"), AGENT, null)).path("shareId")
                .asText()).isEqualTo("agent");
        assertThat(data(ShareRules.FREEZE.event().of(new Freeze(true, "snap1", "agent"), AGENT, null))
                .path("shareId").asText()).isEqualTo("agent");
        assertThat(data(ShareRules.FREEZE.event().of(new Freeze(false, null, "agent"), AGENT, null))
                .path("shareId").asText()).isEqualTo("agent");
    }

    @Test
    void theCustomersShareKeepsThePreviousShape() throws Exception {
        for (JsonNode d : List.of(
                data(ShareRules.CROP.event().of(new Crop(0, 0, 1, 1, 1920, 1080), AGENT, null)),
                data(ShareRules.CROP.event().of(new Crop(0, 0, 1, 1, 1920, 1080, "customer"), AGENT, null)),
                data(ShareRules.MASKS.event().of(new Masks(List.of(), null), AGENT, null)),
                data(ShareRules.PAUSE.event().of(new Pause(true, null), AGENT, null)),
                data(ShareRules.FREEZE.event().of(new Freeze(true, null), AGENT, null)),
                data(ShareRules.FREEZE.event().of(new Freeze(false, null, "customer"), AGENT, null)))) {
            assertThat(d.has("shareId")).as(d.toString()).isFalse();
        }
    }

    private static JsonNode data(SessionEvent event) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(event.data()));
    }
}
