package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets are referenced, never committed: no rendered Secret carries a value, and every Secret (and key) that a
 * workload or the Ingress refers to is one that docs/operations.md tells the operator how to create. Needs kubectl.
 */
@RequiresKustomize
class SecretsTest {

    /** The Secrets the manifests may refer to, each created by hand or by cert-manager (docs/operations.md). */
    private static final Set<String> DOCUMENTED = Set.of("coview-jwt", "coview-turn", "coview-agent-key", "coview-tls",
            "coview-webhooks");

    @EveryOverlay
    void noRenderedSecretCarriesData(String overlay) {
        for (Secret secret : Kustomize.overlay(overlay).all(Secret.class)) {
            assertThat(secret.getData()).as("data of Secret %s", secret.getMetadata().getName()).isNullOrEmpty();
            assertThat(secret.getStringData()).as("stringData of Secret %s", secret.getMetadata().getName())
                    .isNullOrEmpty();
        }
    }

    @EveryOverlay
    void onlyDocumentedSecretsAreReferenced(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        Set<String> byPeople = new TreeSet<>(references(r).keySet());
        byPeople.removeAll(kafkaUsers(r));
        assertThat(byPeople).isNotEmpty().isSubsetOf(DOCUMENTED);
    }

    /** Secrets Strimzi's User Operator writes for the rendered KafkaUsers (named after them): nobody creates them. */
    private static Set<String> kafkaUsers(Rendered r) {
        Set<String> names = new TreeSet<>();
        r.custom("KafkaUser").forEach(u -> names.add(u.getMetadata().getName()));
        return names;
    }

    @Test
    void operationsGuideCreatesEveryReferencedSecretWithEveryKey() throws IOException {
        Path doc = Path.of(System.getProperty("coview.operations.doc", "../../docs/operations.md"));
        String text = Files.readString(doc);
        Map<String, Set<String>> all = new TreeMap<>();
        for (String overlay : Kustomize.overlays()) {
            Rendered r = Kustomize.overlay(overlay);
            Set<String> operatorMade = kafkaUsers(r);
            references(r).forEach((name, keys) -> {
                if (!operatorMade.contains(name)) {
                    all.computeIfAbsent(name, n -> new TreeSet<>()).addAll(keys);
                }
            });
        }
        for (Map.Entry<String, Set<String>> secret : all.entrySet()) {
            String name = Pattern.quote(secret.getKey());
            assertThat(text).as("docs/operations.md creates Secret %s", secret.getKey())
                    .containsPattern("kubectl\\b[^\\n]*\\bcreate secret \\S+ " + name + "\\b");
            for (String key : secret.getValue()) {
                assertThat(text).as("docs/operations.md sets key %s of Secret %s", key, secret.getKey())
                        .containsPattern("--from-(file|literal)=" + Pattern.quote(key) + "=");
            }
        }
    }

    /** Secret name → the keys a workload reads from it (empty when the whole Secret is used). */
    private static Map<String, Set<String>> references(Rendered r) {
        Map<String, Set<String>> refs = new TreeMap<>();
        for (Rendered.Workload w : r.workloads()) {
            PodSpec pod = w.template().getSpec();
            for (Volume v : pod.getVolumes()) {
                if (v.getSecret() != null) {
                    Set<String> keys = refs.computeIfAbsent(v.getSecret().getSecretName(), n -> new TreeSet<>());
                    v.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                }
            }
            for (Container c : Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList()) {
                c.getEnv().stream()
                        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .map(e -> e.getValueFrom().getSecretKeyRef())
                        .forEach(s -> refs.computeIfAbsent(s.getName(), n -> new TreeSet<>()).add(s.getKey()));
                c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                        .forEach(e -> refs.computeIfAbsent(e.getSecretRef().getName(), n -> new TreeSet<>()));
            }
        }
        for (Ingress ingress : r.all(Ingress.class)) {
            ingress.getSpec().getTls().stream().map(IngressTLS::getSecretName)
                    .forEach(n -> refs.computeIfAbsent(n, k -> new TreeSet<>()));
        }
        return refs;
    }
}
