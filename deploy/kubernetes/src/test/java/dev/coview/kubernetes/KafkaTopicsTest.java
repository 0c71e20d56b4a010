package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.kafka.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-cluster Kafka of the kafka-strimzi component (rendered through the dev overlay): KRaft node pools, and one
 * KafkaTopic per constant of contracts' {@link Topics}, no more, no fewer, each placeable on the brokers there are.
 * The Strimzi resources parse as GenericKubernetesResource. Needs kubectl.
 */
@RequiresKustomize
class KafkaTopicsTest {

    private Rendered dev;

    @BeforeEach
    void render() {
        dev = Kustomize.overlay("dev");
    }

    @Test
    void topicNamesAreExactlyTheContractsTopics() {
        assertThat(dev.custom("KafkaTopic")).extracting(KafkaTopicsTest::topicName)
                .containsExactlyInAnyOrderElementsOf(contractTopics());
    }

    @Test
    void everyTopicBelongsToTheRenderedClusterAndFitsItsBrokers() {
        Set<String> clusters = dev.custom("Kafka").stream().map(k -> k.getMetadata().getName())
                .collect(Collectors.toSet());
        assertThat(clusters).hasSize(1);
        long brokers = dev.custom("KafkaNodePool").stream()
                .filter(p -> ((List<?>) spec(p).get("roles")).contains("broker"))
                .mapToLong(p -> ((Number) spec(p).get("replicas")).longValue())
                .sum();
        assertThat(brokers).isPositive();
        for (GenericKubernetesResource topic : dev.custom("KafkaTopic")) {
            assertThat(topic.getMetadata().getLabels()).as(topicName(topic)).containsEntry("strimzi.io/cluster",
                    clusters.iterator().next());
            assertThat(((Number) spec(topic).get("partitions")).intValue()).as(topicName(topic)).isPositive();
            assertThat(((Number) spec(topic).get("replicas")).longValue()).as(topicName(topic))
                    .isBetween(1L, brokers);
        }
    }

    @Test
    void pointersAreShortLivedAndAnnotationsOutliveARoom() {
        assertThat(retentionMs(Topics.POINTERS)).isLessThanOrEqualTo(60_000L);
        assertThat(retentionMs(Topics.ANNOTATIONS)).isGreaterThanOrEqualTo(24L * 3600 * 1000);
        assertThat(retentionMs(Topics.SESSION_EVENTS)).isGreaterThanOrEqualTo(24L * 3600 * 1000);
    }

    @Test
    void theClusterRunsInKraftModeWithControllersAndBrokers() {
        GenericKubernetesResource kafka = dev.custom("Kafka").get(0);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled");
        assertThat(spec(kafka)).doesNotContainKey("zookeeper");
        Set<Object> roles = dev.custom("KafkaNodePool").stream()
                .flatMap(p -> ((List<?>) spec(p).get("roles")).stream()).collect(Collectors.toSet());
        assertThat(roles).contains("controller", "broker");
        // The topic operator is what turns the KafkaTopic resources into topics.
        assertThat(((Map<?, ?>) spec(kafka).get("entityOperator")).containsKey("topicOperator")).isTrue();
    }

    private long retentionMs(String topic) {
        GenericKubernetesResource resource = dev.custom("KafkaTopic").stream()
                .filter(t -> topic.equals(topicName(t))).findFirst().orElseThrow();
        Map<?, ?> config = (Map<?, ?>) spec(resource).get("config");
        return Long.parseLong(String.valueOf(config.get("retention.ms")));
    }

    private static Set<String> contractTopics() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                        && f.getType() == String.class)
                .map(KafkaTopicsTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String topicName(GenericKubernetesResource topic) {
        Object name = spec(topic).get("topicName");
        return name != null ? name.toString() : topic.getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }
}
