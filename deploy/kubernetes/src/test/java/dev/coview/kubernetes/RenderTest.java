package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every overlay (and the base alone) renders with {@code kubectl kustomize}, parses into the fabric8 model, and holds
 * what every environment needs, with every name it refers to present. Needs kubectl; no cluster.
 */
@RequiresKustomize
class RenderTest {

    /** Custom resource kinds the components use; anything else parsed as generic is a typo in apiVersion or kind. */
    private static final Set<String> CUSTOM_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
            "ServiceMonitor", "PrometheusRule");

    @Test
    void theOverlaysAreDevAndProd() {
        assertThat(Kustomize.overlays()).containsExactly("dev", "prod");
    }

    @Test
    void theBaseRendersOnItsOwn() {
        Rendered base = Kustomize.render("base");
        for (String service : Rendered.SERVICES) {
            base.one(Deployment.class, service);
        }
    }

    @EveryOverlay
    void everyServiceHasItsObjects(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            r.one(Deployment.class, service);
            r.one(Service.class, service);
            r.one(ServiceAccount.class, service);
            r.one(PodDisruptionBudget.class, service);
        }
    }

    @EveryOverlay
    void namesAreUniqueAndEverythingIsInTheOverlaysNamespace(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        Set<String> seen = new HashSet<>();
        for (HasMetadata o : r.objects()) {
            assertThat(seen.add(o.getKind() + "/" + o.getMetadata().getName())).as("duplicate %s/%s", o.getKind(),
                    o.getMetadata().getName()).isTrue();
        }
        List<Namespace> namespaces = r.all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        assertThat(r.objects()).filteredOn(o -> !(o instanceof Namespace))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as("%s/%s", o.getKind(),
                        o.getMetadata().getName()).isEqualTo(namespace));
    }

    @EveryOverlay
    void onlyTheComponentsCustomResourcesParseAsGeneric(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        assertThat(r.all(GenericKubernetesResource.class)).extracting(GenericKubernetesResource::getKind)
                .allMatch(CUSTOM_KINDS::contains);
    }

    @Test
    void strimziAndPrometheusResourcesParseAsGeneric() {
        assertThat(Kustomize.overlay("dev").custom("KafkaTopic")).isNotEmpty();
        assertThat(Kustomize.overlay("prod").custom("ServiceMonitor")).hasSize(1);
    }

    @EveryOverlay
    void everyReferencedConfigMapServiceAccountAndClaimIsRendered(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (Rendered.Workload w : r.workloads()) {
            PodSpec pod = w.template().getSpec();
            if (pod.getServiceAccountName() != null) {
                r.one(ServiceAccount.class, pod.getServiceAccountName());
            }
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                    .flatMap(c -> c.getEnvFrom().stream())
                    .filter(e -> e.getConfigMapRef() != null)
                    .forEach(e -> r.one(ConfigMap.class, e.getConfigMapRef().getName()));
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null) {
                    r.one(ConfigMap.class, v.getConfigMap().getName());
                }
                if (v.getPersistentVolumeClaim() != null) {
                    r.one(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName());
                }
            }
        }
    }
}
