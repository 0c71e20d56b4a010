package dev.coview.room.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.config.RoomConfig;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A configured API key shorter than the minimum stops room-service at startup, naming the key but not its value. */
class ApiKeyMinimumLengthTest {

    @Test
    void aShortKeyRefusesToStart() {
        assertThatThrownBy(() -> new ApiKeyAgentCheck(room(null), auth(Map.of("crm", "short-crm-key")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the API key 'crm' has 13 characters; at least 24 are required "
                        + "(coview.room.auth.api-key-min-length)");
        assertThatThrownBy(() -> new ApiKeyAgentCheck(room("e2e-agent-key"), auth(Map.of()), null))
                .hasMessageStartingWith("the API key 'default' has 13 characters");
    }

    @Test
    void keysOfTheMinimumLengthAndAGeneratedOneStart() {
        assertThatNoException().isThrownBy(() -> new ApiKeyAgentCheck(room("x".repeat(24)),
                auth(Map.of("crm", "y".repeat(24))), null));
        assertThatNoException().isThrownBy(() -> new ApiKeyAgentCheck(room(null), auth(Map.of()), null));
    }

    private static RoomConfig room(String legacyKey) {
        return stub(RoomConfig.class, Map.of("agentApiKey", Optional.ofNullable(legacyKey)));
    }

    private static AgentAuthConfig auth(Map<String, String> keys) {
        return stub(AgentAuthConfig.class, Map.of("apiKeys", keys, "apiKeyMinLength", 24));
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        });
    }
}
