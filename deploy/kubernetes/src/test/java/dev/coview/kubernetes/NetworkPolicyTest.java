package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The namespace denies ingress by default, and every port a rendered pod listens on is opened by some policy (a pod
 * on the host network is outside NetworkPolicy's reach and skipped). Needs kubectl.
 */
@RequiresKustomize
class NetworkPolicyTest {

    @EveryOverlay
    void ingressIsDeniedByDefault(String overlay) {
        assertThat(Kustomize.overlay(overlay).all(NetworkPolicy.class))
                .anySatisfy(p -> {
                    assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
                    assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
                    assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
                    assertThat(p.getSpec().getIngress()).isEmpty();
                });
    }

    @EveryOverlay
    void everyListeningPortIsOpenedByAPolicy(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (Rendered.Workload w : r.workloads()) {
            if (Boolean.TRUE.equals(w.template().getSpec().getHostNetwork())) {
                continue;
            }
            Map<String, String> labels = w.template().getMetadata().getLabels();
            Set<Integer> open = r.all(NetworkPolicy.class).stream()
                    .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels))
                    .flatMap(p -> p.getSpec().getIngress().stream())
                    .flatMap(rule -> rule.getPorts().stream())
                    .map(NetworkPolicyPort::getPort)
                    .map(port -> port.getIntVal())
                    .collect(Collectors.toSet());
            // The management port serves only the kubelet's probes (not subject to NetworkPolicy) and Prometheus.
            Set<Integer> listening = w.template().getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts().stream()).filter(p -> !"management".equals(p.getName()))
                    .map(ContainerPort::getContainerPort)
                    .collect(Collectors.toSet());
            assertThat(open).as("ports opened to %s", w).containsAll(listening);
        }
    }

    /** Health and metrics (the management port, 9000) are opened to the monitoring namespace and nobody else. */
    @EveryOverlay
    void theManagementPortIsOpenOnlyToMonitoring(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        List<NetworkPolicyIngressRule> rules = r.all(NetworkPolicy.class).stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .filter(rule -> rule.getPorts().stream().anyMatch(port -> Integer.valueOf(9000)
                        .equals(port.getPort().getIntVal()) || "management".equals(port.getPort().getStrVal())))
                .toList();
        for (NetworkPolicyIngressRule rule : rules) {
            assertThat(rule.getFrom()).as("who may reach the management port").isNotEmpty().allSatisfy(peer -> {
                assertThat(peer.getPodSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
            });
        }
        if (overlay.equals("prod")) {
            assertThat(rules).as("prod scrapes metrics (observability component)").isNotEmpty();
        }
    }
}
