package dev.coview.annotation.health;

import dev.coview.annotation.messaging.CatchUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the room state has been rebuilt from the annotation log: joiners would wait meanwhile. */
@Readiness
@ApplicationScoped
public class AnnotationStateCheck implements HealthCheck {

    @Inject
    CatchUp catchUp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Annotation state rebuilt from coview.annotations")
                .status(catchUp.isReady()).build();
    }
}
