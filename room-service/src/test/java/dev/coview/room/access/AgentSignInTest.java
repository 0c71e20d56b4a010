package dev.coview.room.access;

import static dev.coview.room.RoomApi.PROBLEM_JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.local.issuer.IssuerKeys;
import dev.coview.local.issuer.IssuerTokens;
import dev.coview.local.issuer.LocalIssuerResource;
import dev.coview.local.testing.OidcSignIn;
import dev.coview.room.RoomApi;
import dev.coview.room.SessionEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agents sign in with OpenID Connect: room-service verifies their access tokens (quarkus-oidc) against a real local
 * issuer ({@link LocalIssuerResource}, started once per test JVM for every test of this module: the API-key tests
 * run with sign-in enabled too), and the agent's identity reaches the room, its token and {@code room.created}.
 * Infrastructure: the local issuer, Redis and Kafka of deploy/local.
 */
@QuarkusTest
@WithTestResource(value = LocalIssuerResource.class, scope = TestResourceScope.GLOBAL)
class AgentSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://localhost:7/agent/";

    @Test
    void anAgentSignedInAtTheIssuerCreatesARoomUnderTheirIdentity() throws Exception {
        String accessToken = OidcSignIn.accessToken(LocalIssuerResource.issuer(), LocalIssuerResource.CONSOLE_CLIENT,
                REDIRECT, LocalIssuerResource.AGENT.username(), LocalIssuerResource.AGENT.password());
        try (SessionEvents events = new SessionEvents()) {
            var created = given().header("Authorization", "Bearer " + accessToken).contentType(ContentType.JSON)
                    .body("{}").post("/api/rooms")
                    .then().statusCode(201).extract().jsonPath();
            String roomId = created.getString("roomId");

            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(created.getString("token").split("\\.")[1]));
            assertThat(claims.get("identity").asText()).isEqualTo("oidc:agent-ada-0001");
            assertThat(claims.get("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(claims.get("role").asText()).isEqualTo("agent");

            SessionEvents.Event roomCreated = events.awaitRoom(roomId, 2).get(0).assertMatchesSchema();
            JsonNode data = JSON.readTree(roomCreated.value());
            assertThat(data.get("createdBy").asText()).isEqualTo("oidc:agent-ada-0001");
            assertThat(data.get("agent").get("method").asText()).isEqualTo("oidc");
            assertThat(data.get("agent").get("subject").asText()).isEqualTo("agent-ada-0001");
            assertThat(data.get("agent").get("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(data.get("agent").get("email").asText()).isEqualTo("ada@example.test");
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = LocalIssuerResource.tokens().accessToken(LocalIssuerResource.AGENT,
                LocalIssuerResource.CONSOLE_CLIENT, LocalIssuerResource.AUDIENCE, "openid", Duration.ofMinutes(-5));
        refused(expired);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // A real sign-in, by an application whose tokens are for another API.
        String otherApi = OidcSignIn.accessToken(LocalIssuerResource.issuer(), LocalIssuerResource.OTHER_CLIENT,
                REDIRECT, LocalIssuerResource.AGENT.username(), LocalIssuerResource.AGENT.password());
        refused(otherApi);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWithATrustedKey() {
        String otherIssuer = new IssuerTokens(LocalIssuerResource.keys(), "https://idp.attacker.test")
                .accessToken(LocalIssuerResource.AGENT, LocalIssuerResource.CONSOLE_CLIENT,
                        LocalIssuerResource.AUDIENCE, "openid", Duration.ofMinutes(5));
        refused(otherIssuer);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        IssuerKeys stranger = IssuerKeys.inDirectory(Files.createTempDirectory("coview-stranger-keys-"));
        refused(new IssuerTokens(stranger, LocalIssuerResource.issuer()).accessToken(LocalIssuerResource.AGENT,
                LocalIssuerResource.CONSOLE_CLIENT, LocalIssuerResource.AUDIENCE, "openid", Duration.ofMinutes(5)));
        refused("not-a-jwt");
    }

    @Test
    void aTokenAndAKeyTogetherAreRefused() throws Exception {
        String accessToken = OidcSignIn.accessToken(LocalIssuerResource.issuer(), LocalIssuerResource.CONSOLE_CLIENT,
                REDIRECT, LocalIssuerResource.AGENT.username(), LocalIssuerResource.AGENT.password());
        given().header("Authorization", "Bearer " + accessToken).header("X-CoView-Agent-Key", RoomApi.AGENT_KEY)
                .contentType(ContentType.JSON).body("{}").post("/api/rooms")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", equalTo("send either a sign-in token or an API key, not both"));
    }

    @Test
    void theConsoleLearnsWhereToSignIn() {
        given().get("/api/config").then().statusCode(200)
                .body("signIn.issuer", equalTo(LocalIssuerResource.issuer()))
                .body("signIn.clientId", equalTo(LocalIssuerResource.CONSOLE_CLIENT))
                .body("signIn.scopes", equalTo(List.of("openid", "profile", "email")));
    }

    private static void refused(String accessToken) {
        given().header("Authorization", "Bearer " + accessToken).contentType(ContentType.JSON).body("{}")
                .post("/api/rooms")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://coview.dev/problems/unauthorized"))
                .body("detail", equalTo("the sign-in token is invalid or has expired; sign in again"));
    }
}
