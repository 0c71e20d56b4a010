package dev.coview.room.api;

import dev.coview.contracts.rooms.Problem;
import dev.coview.room.access.ApiKeyAgentCheck;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The OpenAPI document's title, its security schemes (the agent's sign-in: an access token from the identity
 * provider; the API key of machine clients; the room token) and the {@link Problem} schema of every error response
 * ({@link ProblemResponses} points the errors at it).
 */
@OpenAPIDefinition(info = @Info(title = "CoView room-service", version = "0.1",
        description = "Rooms, join codes, tokens (JWT, ES256) and ICE servers. Errors are RFC 9457 problem+json."),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = OpenApiSecurity.AGENT_SIGN_IN, type = SecuritySchemeType.HTTP,
                scheme = "bearer", description = "an access token from the company's identity provider (OpenID Connect)"),
        @SecurityScheme(securitySchemeName = OpenApiSecurity.AGENT_KEY, type = SecuritySchemeType.APIKEY,
                apiKeyName = ApiKeyAgentCheck.HEADER, in = SecuritySchemeIn.HEADER),
        @SecurityScheme(securitySchemeName = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP,
                scheme = "bearer", bearerFormat = "JWT")})
public class OpenApiSecurity extends Application {
    static final String AGENT_SIGN_IN = "agentSignIn";
    static final String AGENT_KEY = "agentKey";
    static final String BEARER = "roomToken";
}
