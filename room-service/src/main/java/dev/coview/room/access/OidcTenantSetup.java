package dev.coview.room.access;

import dev.coview.room.config.AgentAuthConfig;
import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates quarkus-oidc's default tenant from {@code coview.room.auth.oidc.*} when an issuer is configured (a
 * service application: bearer tokens only, never a login redirect). Without an issuer the tenant stays disabled
 * ({@code quarkus.oidc.tenant-enabled=false} in application.properties) and agents use API keys.
 */
@ApplicationScoped
public class OidcTenantSetup {

    private static final Logger LOG = Logger.getLogger(OidcTenantSetup.class);

    void create(@Observes Oidc oidc, AgentAuthConfig config) {
        config.oidc().issuer().filter(i -> !i.isBlank()).ifPresent(issuer -> {
            oidc.create(OidcTenantConfig.authServerUrl(issuer)
                    .tenantEnabled(true)
                    .applicationType(ApplicationType.SERVICE)
                    .token().audience(config.oidc().audience()).end()
                    .build());
            LOG.infof("agents sign in with %s (audience %s)", issuer, config.oidc().audience());
        });
    }
}
