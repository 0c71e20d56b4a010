package dev.coview.bench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario run measured, as written to {@code bench/results/<scenario>.json}: its parameters, the
 * latency summary of each path, achieved rates, loss, and the CPU/RSS of the processes involved.
 */
public final class ScenarioResult {

    private final String scenario;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> latency = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private Map<String, Map<String, Object>> processes = Map.of();

    public ScenarioResult(String scenario) {
        this.scenario = scenario;
    }

    public String scenario() {
        return scenario;
    }

    public ScenarioResult parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public ScenarioResult latency(LatencyRecorder recorder) {
        latency.put(recorder.name(), recorder.summary());
        return this;
    }

    /** A named figure: achieved rate, loss, order violations, a ratio to a floor. */
    public ScenarioResult figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    public ScenarioResult processes(Map<String, Map<String, Object>> sampled) {
        this.processes = sampled;
        return this;
    }

    public Map<String, Map<String, Object>> latency() {
        return latency;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public Map<String, Map<String, Object>> processes() {
        return processes;
    }

    /** The JSON document of this result. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario);
        m.put("parameters", parameters);
        m.put("latency", latency);
        m.put("figures", figures);
        m.put("processes", processes);
        return m;
    }
}
