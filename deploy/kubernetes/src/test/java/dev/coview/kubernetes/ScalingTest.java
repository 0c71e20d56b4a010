package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replicas per overlay (dev one of each and no autoscaling, prod three and autoscaling from three), and disruption
 * budgets that select their Deployment and still let a node drain. Needs kubectl.
 */
@RequiresKustomize
class ScalingTest {

    /** Replicas of each CoView Deployment per overlay; a new overlay must say how many it runs. */
    private static final Map<String, Integer> REPLICAS = Map.of("dev", 1, "prod", 3);

    @EveryOverlay
    void deploymentsRunTheOverlaysReplicas(String overlay) {
        assertThat(REPLICAS).as("expected replicas of overlay %s", overlay).containsKey(overlay);
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            assertThat(r.one(Deployment.class, service).getSpec().getReplicas()).as("%s in %s", service, overlay)
                    .isEqualTo(REPLICAS.get(overlay));
        }
    }

    @Test
    void devDoesNotAutoscale() {
        assertThat(Kustomize.overlay("dev").all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void prodAutoscalesEveryServiceFromThree() {
        Rendered prod = Kustomize.overlay("prod");
        for (String service : Rendered.SERVICES) {
            HorizontalPodAutoscaler hpa = prod.one(HorizontalPodAutoscaler.class, service);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            prod.one(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        }
    }

    @EveryOverlay
    void everyDisruptionBudgetSelectsOneDeploymentAndLetsANodeDrain(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            List<Deployment> selected = r.all(Deployment.class).stream()
                    .filter(d -> Selectors.matches(pdb.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            assertThat(selected).as("Deployments of PDB %s", pdb.getMetadata().getName()).hasSize(1);
            // minAvailable equal to the replicas would block every eviction, so drains would hang.
            assertThat(pdb.getSpec().getMinAvailable()).as("PDB %s minAvailable", pdb.getMetadata().getName())
                    .isNull();
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isGreaterThanOrEqualTo(1);
        }
    }
}
