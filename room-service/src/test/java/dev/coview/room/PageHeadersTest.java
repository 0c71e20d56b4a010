package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The security and caching headers of the pages, the assets and the API (the web client's jar as packaged): a strict
 * CSP whose connect-src names room-service and the two WebSocket services of the test profile's defaults, no
 * referrer, no sniffing, and only Vite's hashed assets cached as immutable.
 */
@QuarkusTest
class PageHeadersTest {

    private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.js");

    @Test
    void everyResponseCarriesTheStrictPolicyNoReferrerAndNosniff() {
        for (String path : List.of("/", "/agent/", "/join/", "/observe/", "/api/config", "/api/rooms/nope")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("Content-Security-Policy", containsString("base-uri 'none'"))
                    .header("Content-Security-Policy", containsString(
                            "connect-src 'self' blob: ws://localhost:8081 ws://localhost:8082"))
                    .header("Content-Security-Policy", not(containsString("unsafe")))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void pagesAreRevalidatedAndOnlyHashedAssetsAreImmutable() {
        Response page = given().get("/join/");
        page.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/agent/index.html").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/observe/").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().get("/widget/coview-widget.js").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));

        Matcher asset = ASSET.matcher(page.asString());
        org.assertj.core.api.Assertions.assertThat(asset.find()).as("the page loads a hashed asset").isTrue();
        given().get(asset.group()).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
    }
}
