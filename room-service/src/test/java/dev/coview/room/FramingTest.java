package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import dev.coview.room.api.FrameAncestors;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embeddable widget frames CoView's pages: only the configured embedding origins (test profile:
 * {@code https://crm.example.test}, {@code https://*.lightning.force.com}) and room-service's own may, through
 * the CSP {@code frame-ancestors} on the pages and the widget's script.
 */
@QuarkusTest
class FramingTest {

    private static final String FRAME_ANCESTORS =
            "frame-ancestors 'self' https://crm.example.test https://*.lightning.force.com";

    @Test
    void thePagesMayBeFramedOnlyByTheConfiguredOrigins() {
        for (String path : List.of("/agent/", "/join/", "/agent/index.html", "/")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", endsWith("; " + FRAME_ANCESTORS))
                    // X-Frame-Options cannot list origins: it would forbid every embedding.
                    .header("X-Frame-Options", nullValue());
        }
    }

    @Test
    void theWidgetScriptIsServedWithTheBundle() {
        given().get("/widget/coview-widget.iife.js").then().statusCode(200)
                .header("Content-Type", containsString("javascript"))
                .body(containsString("CoView"));
        given().get("/widget/coview-widget.js").then().statusCode(200);
    }

    @Test
    void withoutConfiguredOriginsOnlyTheOwnOriginMayFrame() {
        assertThat(FrameAncestors.policy(List.of())).isEqualTo("frame-ancestors 'self'");
        assertThat(FrameAncestors.policy(List.of(" https://crm.example.com/ ", "")))
                .isEqualTo("frame-ancestors 'self' https://crm.example.com");
    }

    @Test
    void anythingButAnOriginIsRefused() {
        for (String bad : List.of("*", "https:", "crm.example.com", "https://a.example; script-src *",
                "https://a.example/path", "javascript:alert(1)", "https://a.example https://b.example")) {
            assertThatThrownBy(() -> FrameAncestors.policy(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
