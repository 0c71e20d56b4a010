package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What room-service serves besides the API: the web client's pages (and the redirects to them), the client
 * configuration, and the OpenAPI document (also stored at build time). No infrastructure beyond the test instance.
 */
@QuarkusTest
class WebClientTest {

    /** The OpenAPI document is on the management interface ({@code /q/openapi}), with health and metrics. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Test
    void pagesWithoutTheirSlashRedirectKeepingTheQuery() {
        given().config(NO_REDIRECTS).get("/agent").then().statusCode(301).header("Location", endsWith("/agent/"));
        given().config(NO_REDIRECTS).get("/join?invite=abc").then().statusCode(301)
                .header("Location", endsWith("/join/?invite=abc"));
        given().get("/join/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/agent/").then().statusCode(200).contentType(containsString("text/html"));
        given().config(NO_REDIRECTS).get("/observe").then().statusCode(301).header("Location", endsWith("/observe/"));
        given().get("/observe/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void theClientLearnsWhereTheWebSocketsAre() {
        given().get("/api/config").then().statusCode(200)
                .body("signalingUrl", equalTo("ws://localhost:8081/ws/signal"))
                .body("annotationUrl", equalTo("ws://localhost:8082/ws/annotations"))
                .body("sharePolicy", equalTo("both"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().accept("application/json").get(openApi + "?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/rooms"))
                .body("paths", hasKey("/api/rooms/join"))
                .body("paths", hasKey("/api/ice-servers"))
                .body("components.securitySchemes", hasKey("roomToken"));
    }

    @Test
    void theOpenApiDocumentIsStoredAtBuildTime() {
        org.assertj.core.api.Assertions.assertThat(Files.exists(Path.of("target/openapi/openapi.json"))).isTrue();
    }
}
