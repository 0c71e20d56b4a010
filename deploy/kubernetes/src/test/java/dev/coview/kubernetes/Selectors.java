package dev.coview.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes label-selector semantics, so that tests can tell which pods a Service, PDB or policy selects. */
final class Selectors {

    private Selectors() {
    }

    /** Whether {@code selector} selects an object with these labels; an empty selector selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> required = selector.getMatchLabels();
        if (required != null
                && !required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream().allMatch(r -> matches(r, labels));
    }

    /** A Service's selector: plain equality on every entry; an empty one selects nothing (headless by hand). */
    static boolean matches(Map<String, String> serviceSelector, Map<String, String> labels) {
        return serviceSelector != null && !serviceSelector.isEmpty()
                && serviceSelector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        return switch (r.getOperator()) {
            case "In" -> value != null && r.getValues().contains(value);
            case "NotIn" -> value == null || !r.getValues().contains(value);
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> throw new AssertionError("unknown selector operator " + r.getOperator());
        };
    }
}
