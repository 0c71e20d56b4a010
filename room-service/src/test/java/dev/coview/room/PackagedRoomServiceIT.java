package dev.coview.room;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.coview.local.servers.FreePort;
import dev.coview.local.testing.LocalStackResource;
import dev.coview.local.servers.ServiceInstance;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged room-service as {@code ./coview up} runs it: its own JVM (the jar of {@code coview.service.jar}) on a
 * free port against the real Redis and Kafka of deploy/local, with no agent key configured and the public URL given
 * as a system property. It must log a generated agent key once, accept it, build invite links from the public URL
 * and redirect the web client's pages, and keep health, metrics and OpenAPI off its public port.
 */
class PackagedRoomServiceIT {

    private static final Pattern KEY_LINE = Pattern.compile("agent API key: ([A-Za-z0-9_-]+)");

    private static ServiceInstance service;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> config = new HashMap<>(LocalStackResource.quarkusProperties());
        config.put("coview.urls.public", "https://support.example.test");
        log = Path.of("target", "room-service-it.log");
        service = ServiceInstance.start("room-service", Path.of(System.getProperty("coview.service.jar")),
                FreePort.pick(), config, log).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aGeneratedAgentKeyIsLoggedOnceAndOpensRooms() throws Exception {
        String output = Files.readString(log);
        Matcher m = KEY_LINE.matcher(output);
        assertThat(m.find()).as("the log names the generated key").isTrue();
        String key = m.group(1);
        assertThat(m.find()).as("the key is logged once").isFalse();

        given().baseUri(service.baseUrl()).header("X-CoView-Agent-Key", key).contentType(ContentType.JSON)
                .body("{}").post("/api/rooms").then()
                .statusCode(201)
                .body("inviteUrl", startsWith("https://support.example.test/join/#invite="));
        given().baseUri(service.baseUrl()).header("X-CoView-Agent-Key", key + "x").post("/api/rooms").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void pagesRedirectAndErrorsStayProblems() {
        RestAssuredConfig noRedirects =
                RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        given().baseUri(service.baseUrl()).config(noRedirects).get("/agent").then()
                .statusCode(301).header("Location", "/agent/");
        given().baseUri(service.baseUrl()).get("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA").then()
                .statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    /** As packaged, health, metrics and OpenAPI answer on the management port only, never on the public one. */
    @Test
    void healthMetricsAndOpenApiAreOnTheManagementPortOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().baseUri(service.managementUrl()).get(path).then().statusCode(200);
            given().baseUri(service.baseUrl()).get(path).then().statusCode(404);
        }
    }
}
