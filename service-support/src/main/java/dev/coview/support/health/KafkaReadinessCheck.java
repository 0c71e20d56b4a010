package dev.coview.support.health;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka describes its cluster within {@code coview.health.kafka-timeout}, in every service. Replaces
 * quarkus-kafka-client's own check ({@code quarkus.kafka.health.enabled=false} in each service), which waits for the
 * admin client's request timeout (5 s) on a worker thread when the broker hangs, and turns DOWN at the first failure:
 * every pod at once, since the brokers are shared. Same name as that check. A failure turns this one DOWN only once
 * Kafka has failed it for {@code coview.health.kafka-grace} ({@link Grace}); the probe never waits longer than the
 * timeout. The admin client takes the services' Kafka settings ({@code kafka.*}: bootstrap servers, security), as the
 * channels do.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Kafka connection health check";

    private final Grace grace;
    private final Duration timeout;
    private final Map<String, Object> kafka;
    private volatile Admin admin;

    @Inject
    public KafkaReadinessCheck(HealthConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.timeout = config.kafkaTimeout();
        this.grace = new Grace(NAME, config.kafkaGrace(), timeout);
        this.kafka = kafka;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Admin client;
        try {
            client = admin();
        } catch (RuntimeException e) {
            return Uni.createFrom().item(grace.failed(e));
        }
        // The client's own deadline is later than the check's, so a hung broker reads as "no answer within …".
        int clientMillis = (int) timeout.toMillis() * 2;
        return Uni.createFrom().completionStage(() -> client
                        .describeCluster(new DescribeClusterOptions().timeoutMs(clientMillis)).clusterId()
                        .toCompletionStage())
                .ifNoItem().after(timeout).fail()
                .map(id -> grace.up())
                .onFailure().recoverWithItem(grace::failed);
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = new HashMap<>();
                    kafka.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            settings.put(key, value.toString());
                        }
                    });
                    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "coview-readiness");
                    int clientMillis = (int) timeout.toMillis() * 2;
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, clientMillis);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, clientMillis);
                    admin = Admin.create(settings);
                }
                client = admin;
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        Admin client = admin;
        if (client != null) {
            client.close(Duration.ZERO);
        }
    }
}
