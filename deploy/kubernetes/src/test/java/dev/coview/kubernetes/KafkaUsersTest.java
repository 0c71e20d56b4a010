package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.kafka.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka authentication and authorization of the kafka-strimzi component (rendered through the dev overlay): the
 * listener asks for SCRAM-SHA-512, the cluster uses simple authorization, each service has a KafkaUser of its own
 * whose Secret its Deployment reads, and the ACLs are the least each service needs (no wildcard, no All, no
 * topic administration; only annotation-service and webhook-service read, and only their own topics and groups). Needs kubectl.
 */
@RequiresKustomize
class KafkaUsersTest {

    private static final Map<String, Map<String, Set<String>>> EXPECTED_TOPIC_ACLS = Map.of(
            "room-service", Map.of(Topics.SESSION_EVENTS, Set.of("Write", "Describe")),
            "signaling-service", Map.of(Topics.SESSION_EVENTS, Set.of("Write", "Describe")),
            "webhook-service", Map.of(
                    Topics.SESSION_EVENTS, Set.of("Read", "Describe"),
                    Topics.WEBHOOK_DEAD_LETTERS, Set.of("Write", "Describe")),
            "annotation-service", Map.of(
                    Topics.ANNOTATIONS, Set.of("Write", "Read", "Describe"),
                    Topics.POINTERS, Set.of("Write", "Read", "Describe"),
                    Topics.SESSION_EVENTS, Set.of("Write", "Describe"),
                    Topics.DEAD_LETTER, Set.of("Write", "Describe")));

    private Rendered dev;

    @BeforeEach
    void render() {
        dev = Kustomize.overlay("dev");
    }

    @Test
    void theListenerAuthenticatesAndTheClusterAuthorizes() {
        Map<?, ?> kafka = (Map<?, ?>) spec(dev.custom("Kafka").get(0)).get("kafka");
        for (Object listener : (List<?>) kafka.get("listeners")) {
            assertThat(((Map<?, ?>) ((Map<?, ?>) listener).get("authentication")).get("type"))
                    .as("listener %s", ((Map<?, ?>) listener).get("name")).isEqualTo("scram-sha-512");
        }
        assertThat(((Map<?, ?>) kafka.get("authorization")).get("type")).isEqualTo("simple");
        Map<?, ?> operators = (Map<?, ?>) spec(dev.custom("Kafka").get(0)).get("entityOperator");
        assertThat(operators.containsKey("userOperator")).as("the User Operator writes the users' Secrets").isTrue();
    }

    @Test
    void eachServiceConnectsAsItsOwnUserWithTheLeastItNeeds() {
        for (String service : Rendered.SERVICES) {
            GenericKubernetesResource user = dev.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals("coview-" + service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser for " + service));
            assertThat(((Map<?, ?>) spec(user).get("authentication")).get("type")).isEqualTo("scram-sha-512");

            Container c = dev.one(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(value(c, "KAFKA_SECURITY_PROTOCOL")).as(service).contains("SASL_PLAINTEXT");
            assertThat(value(c, "KAFKA_SASL_MECHANISM")).as(service).contains("SCRAM-SHA-512");
            EnvVar jaas = c.getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no KAFKA_SASL_JAAS_CONFIG"));
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).as(service)
                    .isEqualTo(user.getMetadata().getName());

            Map<String, Set<String>> topics = new java.util.HashMap<>();
            for (Object o : (List<?>) ((Map<?, ?>) spec(user).get("authorization")).get("acls")) {
                Map<?, ?> acl = (Map<?, ?>) o;
                Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
                Set<String> operations = ((List<?>) acl.get("operations")).stream().map(String::valueOf)
                        .collect(Collectors.toSet());
                assertThat(operations).as("%s %s", service, resource)
                        .doesNotContain("All", "Create", "Delete", "Alter", "AlterConfigs");
                assertThat(String.valueOf(resource.get("name"))).as(service).isNotEqualTo("*");
                switch (String.valueOf(resource.get("type"))) {
                    case "topic" -> {
                        assertThat(resource.get("patternType")).as(service).isEqualTo("literal");
                        topics.put(String.valueOf(resource.get("name")), operations);
                    }
                    case "group" -> assertThat(service).isIn("annotation-service", "webhook-service");
                    case "cluster" -> assertThat(operations).containsExactly("IdempotentWrite");
                    default -> throw new AssertionError(service + ": unexpected ACL " + acl);
                }
            }
            assertThat(topics).as(service).isEqualTo(EXPECTED_TOPIC_ACLS.get(service));
        }
    }

    private static Optional<String> value(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static Map<?, ?> spec(GenericKubernetesResource r) {
        return (Map<?, ?>) r.getAdditionalProperties().get("spec");
    }
}
