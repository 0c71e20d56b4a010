package dev.coview.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize} (the same code path as {@code kubectl apply -k}) and
 * parses the output with the fabric8 Kubernetes model: known kinds become their model classes, custom resources
 * (Strimzi, Prometheus Operator) become {@code GenericKubernetesResource}. Each directory is rendered once per test
 * JVM.
 */
final class Kustomize {

    /** The folder that holds base/, components/ and overlays/ (the module's own folder under Maven). */
    static final Path ROOT = Path.of(System.getProperty("coview.kustomize.root", ".")).toAbsolutePath().normalize();

    /** Shown when a test is skipped because kubectl is missing or too old. */
    static final String MISSING = "no kubectl with Kustomize 5 on the PATH: the Kustomize rendering tests are skipped "
            + "(install kubectl 1.27 or newer, which bundles Kustomize 5, to run them)";

    /** "Kustomize Version: v5.5.0" in {@code kubectl version --client}; older kubectl prints none. */
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static volatile Boolean available;

    private Kustomize() {
    }

    /** Whether a {@code kubectl} with Kustomize 5 or newer runs here. */
    static boolean available() {
        if (available == null) {
            try {
                Result version = run(List.of("kubectl", "version", "--client"));
                Matcher kustomize = KUSTOMIZE_VERSION.matcher(version.stdout());
                // The manifests use Kustomize 5 features (labels with includeTemplates, components).
                available = version.exitCode() == 0 && kustomize.find() && Integer.parseInt(kustomize.group(1)) >= 5;
            } catch (IOException e) {
                available = false;
            }
            if (!available) {
                // Once per test JVM, in the build log: each skipped test also carries the reason in its report.
                System.err.println("WARNING: " + MISSING);
            }
        }
        return available;
    }

    /** Every overlay under overlays/, by folder name: a new overlay is tested without touching the tests. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered objects of {@code overlays/<name>}. */
    static Rendered overlay(String name) {
        return render("overlays/" + name);
    }

    /** The rendered objects of a directory relative to {@link #ROOT}. */
    static Rendered render(String relativeDir) {
        return CACHE.computeIfAbsent(relativeDir, Kustomize::renderNow);
    }

    private static Rendered renderNow(String relativeDir) {
        Path dir = ROOT.resolve(relativeDir);
        try {
            Result result = run(List.of("kubectl", "kustomize", dir.toString()));
            if (result.exitCode() != 0) {
                throw new AssertionError("kubectl kustomize " + relativeDir + " failed (exit " + result.exitCode()
                        + "):\n" + result.stderr());
            }
            return new Rendered(relativeDir, parse(result.stdout()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl kustomize " + relativeDir, e);
        }
    }

    /** Multi-document YAML to objects, in document order. */
    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
        } else if (parsed instanceof List<?> list) {
            list.forEach(o -> objects.add((HasMetadata) o));
        } else if (parsed instanceof HasMetadata single) {
            objects.add(single);
        } else {
            throw new AssertionError("unexpected rendering result: " + parsed);
        }
        return List.copyOf(objects);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        // Both streams are drained at once so that a large rendering never blocks the child on a full pipe.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
