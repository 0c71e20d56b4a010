package dev.coview.webhook.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.kafka.Topics;
import dev.coview.webhook.config.WebhookConfig;
import dev.coview.webhook.messaging.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Starts one {@link EndpointDeliverer} per configured endpoint with the service, and stops them with it. */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    private final WebhookConfig config;
    private final String bootstrap;
    private final MeterRegistry registry;
    private final ObjectMapper mapper;
    private final List<EndpointDeliverer> deliverers = new ArrayList<>();
    private DeadLetters deadLetters;

    public WebhookDeliveries(WebhookConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                             MeterRegistry registry, ObjectMapper mapper) {
        this.config = config;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent ignored) {
        if (config.endpoints().isEmpty()) {
            LOG.info("no webhook endpoints configured (coview.webhooks.endpoints.<name>.url): nothing to deliver");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        deadLetters = new DeadLetters(bootstrap, Topics.WEBHOOK_DEAD_LETTERS);
        MediaUrls media = config.mediaLinkSecret().isPresent() && config.mediaBaseUrl().isPresent()
                ? new MediaUrls(java.util.Base64.getDecoder().decode(config.mediaLinkSecret().get().strip()),
                config.mediaBaseUrl().get(), config.mediaLinkTtl())
                : null;
        if (media == null) {
            LOG.info("coview.webhooks.media-link-secret or media-base-url unset: webhooks carry no media links");
        }
        config.endpoints().forEach((name, endpoint) -> {
            deliverers.add(new EndpointDeliverer(name, endpoint, config, bootstrap, http, deadLetters, registry, mapper,
                    media).start());
            LOG.infof("webhook endpoint %s: delivering %s to %s", name,
                    endpoint.types().map(Object::toString).orElse("every session event"), endpoint.url());
        });
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        for (EndpointDeliverer d : deliverers) {
            d.close();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }
}
