package dev.coview.room.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where CoView is reached from a browser, under {@code coview.urls.*}. {@code ./coview up} passes all three as
 * system properties; in Kubernetes they are the ingress addresses.
 */
@ConfigMapping(prefix = "coview.urls")
public interface UrlsConfig {

    /** Public base URL of room-service and the web client (invite links start with it); default
     *  {@code http://localhost:8080}. */
    @WithName("public")
    @WithDefault("http://localhost:8080")
    String publicBase();

    /** The signaling WebSocket ({@code ws(s)://…/ws/signal}); default {@code ws://localhost:8081/ws/signal}. */
    @WithDefault("ws://localhost:8081/ws/signal")
    String signaling();

    /** The annotation WebSocket; default {@code ws://localhost:8082/ws/annotations}. */
    @WithDefault("ws://localhost:8082/ws/annotations")
    String annotation();
}
