package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The observability component as prod renders it: the Grafana dashboard (golden signals per service), the alerts
 * with a runbook section each in docs/operations.md, and every CoView metric they query documented there; and the
 * prod autoscalers of the socket services on open sockets per pod with CPU as the fallback. Needs kubectl.
 */
@RequiresKustomize
class ObservabilityTest {

    private static final Set<String> ALERTS = Set.of("CoViewHighErrorRate", "CoViewSignalRelaySlow",
            "CoViewSignalRelayFailing", "CoViewKafkaConsumerLag", "CoViewReadinessFlapping",
            "CoViewMediaStorageAlmostFull");
    private static final Pattern COVIEW_METRIC = Pattern.compile("\\bcoview_[a-z_]+?(?=_bucket\\b|_count\\b|\\{|\\s|\\))");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAlertHasAnExpressionAndARunbookSection() throws IOException {
        String operations = operationsGuide();
        List<Map<String, Object>> rules = rules();
        assertThat(rules).extracting(r -> r.get("alert")).containsExactlyInAnyOrderElementsOf(ALERTS);
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat((String) rule.get("expr")).as("%s expr", alert).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            String anchor = annotations.get("runbook_url").replaceAll(".*#", "");
            assertThat(anchor).as("%s runbook anchor", alert).isEqualTo(alert.toLowerCase(Locale.ROOT));
            assertThat(operations).as("docs/operations.md has a runbook heading for %s", alert)
                    .containsPattern("(?m)^#### " + alert + "$");
        }
    }

    @Test
    void theDashboardShowsTheGoldenSignalsAndLoadsIntoGrafana() throws IOException {
        ConfigMap map = Kustomize.overlay("prod").one(ConfigMap.class, "coview-grafana-dashboard");
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = JSON.readTree(map.getData().get("coview-dashboard.json"));
        List<String> rows = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText());
            } else {
                assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            }
        }
        assertThat(rows).containsExactly("Traffic", "Errors", "Latency", "Saturation");
    }

    @Test
    void everyCoViewMetricQueriedIsDocumented() throws IOException {
        String queries = Kustomize.overlay("prod").one(ConfigMap.class, "coview-grafana-dashboard").getData()
                .get("coview-dashboard.json") + rules().stream().map(r -> (String) r.get("expr")).toList();
        Set<String> queried = new TreeSet<>();
        Matcher m = COVIEW_METRIC.matcher(queries);
        while (m.find()) {
            queried.add(m.group().replaceAll("_total$", ""));
        }
        assertThat(queried).as("CoView metrics in the dashboard and alerts").isNotEmpty();
        String operations = operationsGuide();
        for (String metric : queried) {
            assertThat(operations).as("docs/operations.md names %s", metric).contains("`" + metric);
        }
    }

    @Test
    void prodScalesTheSocketServicesOnOpenSocketsWithCpuAsFallback() {
        Rendered prod = Kustomize.overlay("prod");
        for (String service : List.of("signaling-service", "annotation-service")) {
            List<MetricSpec> metrics = prod.one(HorizontalPodAutoscaler.class, service).getSpec().getMetrics();
            assertThat(metrics).anySatisfy(s -> {
                assertThat(s.getType()).isEqualTo("Pods");
                assertThat(s.getPods().getMetric().getName()).isEqualTo("coview_sockets_open");
                assertThat(s.getPods().getTarget().getType()).isEqualTo("AverageValue");
            });
            assertThat(metrics).anySatisfy(s -> assertThat(s.getResource().getName()).isEqualTo("cpu"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        List<GenericKubernetesResource> found = Kustomize.overlay("prod").custom("PrometheusRule");
        assertThat(found).hasSize(1);
        Map<String, Object> spec = (Map<String, Object>) found.get(0).getAdditionalProperties().get("spec");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static String operationsGuide() throws IOException {
        return Files.readString(Kustomize.ROOT.resolve("../../docs/operations.md").normalize());
    }
}
