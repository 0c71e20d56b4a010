package dev.coview.annotation.pointers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The service's {@code kafka.*} settings (bootstrap servers, TLS, SASL) that a raw client of one kind knows. */
final class KafkaSettings {

    private KafkaSettings() {
    }

    /**
     * @param defaults Quarkus' {@code default-kafka-broker} map ({@code kafka.*} without the prefix)
     * @param known    the client's config names, e.g. {@code ProducerConfig.configNames()}: the others (Quarkus'
     *                 own, the channels' group id) would only be logged as unknown
     */
    static Map<String, Object> of(Map<String, Object> defaults, Set<String> known) {
        Map<String, Object> props = new HashMap<>();
        defaults.forEach((k, v) -> {
            if (known.contains(k)) {
                props.put(k, v);
            }
        });
        // The pointer relay is assigned, not subscribed: no group, nothing committed.
        props.remove("group.id");
        return props;
    }
}
