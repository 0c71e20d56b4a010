package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Ingress sends every path to the right service, through a Service port that really reaches the container's
 * 8080, keeps WebSockets open long enough, and agrees with the URLs the services hand to browsers. Needs kubectl.
 */
@RequiresKustomize
class IngressTest {

    /** Ingress path → the Service it must reach. */
    private static final Map<String, String> ROUTES = Map.of(
            "/", "room-service",
            "/api", "room-service",
            "/ws/signal", "signaling-service",
            "/ws/annotations", "annotation-service");

    /** Requests a browser makes → the Service that must answer them (longest-prefix matching, as Kubernetes does). */
    private static final Map<String, String> REQUESTS = Map.of(
            "/ws/signal", "signaling-service",
            "/ws/signal/", "signaling-service",
            "/ws/annotations", "annotation-service",
            "/ws/signalling", "room-service",
            "/api/rooms/join", "room-service",
            "/.well-known/jwks.json", "room-service",
            "/agent/", "room-service",
            "/join/index.html", "room-service");

    @EveryOverlay
    void everyPathReachesItsServicesContainerPort(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        List<HTTPIngressPath> paths = rule(r).getHttp().getPaths();
        assertThat(paths).extracting(HTTPIngressPath::getPath).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        for (HTTPIngressPath path : paths) {
            assertThat(path.getPathType()).as(path.getPath()).isEqualTo("Prefix");
            String serviceName = path.getBackend().getService().getName();
            assertThat(serviceName).as(path.getPath()).isEqualTo(ROUTES.get(path.getPath()));
            Service service = r.one(Service.class, serviceName);
            ServicePort port = servicePort(service, path.getBackend().getService().getPort());
            assertThat(containerPort(r, service, port)).as("%s → %s", path.getPath(), serviceName).isEqualTo(8080);
        }
    }

    @EveryOverlay
    void requestsAreRoutedByLongestPrefix(String overlay) {
        List<HTTPIngressPath> paths = rule(Kustomize.overlay(overlay)).getHttp().getPaths();
        REQUESTS.forEach((request, expected) -> {
            HTTPIngressPath match = paths.stream().filter(p -> prefixMatches(p.getPath(), request))
                    .max(Comparator.comparingInt(p -> p.getPath().length()))
                    .orElseThrow(() -> new AssertionError("no path matches " + request));
            assertThat(match.getBackend().getService().getName()).as(request).isEqualTo(expected);
        });
    }

    @EveryOverlay
    void webSocketsStayOpenForAnHour(String overlay) {
        Map<String, String> annotations = ingress(Kustomize.overlay(overlay)).getMetadata().getAnnotations();
        for (String timeout : List.of("nginx.ingress.kubernetes.io/proxy-read-timeout",
                "nginx.ingress.kubernetes.io/proxy-send-timeout")) {
            assertThat(Integer.parseInt(annotations.get(timeout))).as(timeout).isGreaterThanOrEqualTo(3600);
        }
    }

    @EveryOverlay
    void theUrlsHandedToBrowsersMatchTheIngress(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        Ingress ingress = ingress(r);
        String host = rule(r).getHost();
        boolean tls = !ingress.getSpec().getTls().isEmpty();
        if (tls) {
            assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly(host);
        }
        Map<String, String> config = config(r);
        URI publicUrl = URI.create(config.get("COVIEW_URLS_PUBLIC"));
        assertThat(publicUrl.getHost()).isEqualTo(host);
        assertThat(publicUrl.getScheme()).isEqualTo(tls ? "https" : "http");
        assertThat(config.get("COVIEW_WS_ALLOWED_ORIGINS")).isEqualTo(publicUrl.getScheme() + "://" + host);
        Map<String, String> sockets = Map.of("COVIEW_URLS_SIGNALING", "/ws/signal",
                "COVIEW_URLS_ANNOTATION", "/ws/annotations");
        sockets.forEach((key, path) -> {
            URI url = URI.create(config.get(key));
            assertThat(url.getScheme()).as(key).isEqualTo(tls ? "wss" : "ws");
            assertThat(url.getHost()).as(key).isEqualTo(host);
            assertThat(url.getPath()).as(key).isEqualTo(path);
        });
    }

    /** Kubernetes' Prefix semantics: matched element by element on '/', so /ws/signal does not match /ws/signalling. */
    private static boolean prefixMatches(String prefix, String request) {
        if (prefix.equals("/")) {
            return true;
        }
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return request.equals(p) || request.startsWith(p + "/");
    }

    private static Ingress ingress(Rendered r) {
        List<Ingress> all = r.all(Ingress.class);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static IngressRule rule(Rendered r) {
        List<IngressRule> rules = ingress(r).getSpec().getRules();
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    private static Map<String, String> config(Rendered r) {
        List<ConfigMap> maps = r.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("coview-config")).toList();
        assertThat(maps).hasSize(1);
        return maps.get(0).getData();
    }

    private static ServicePort servicePort(Service service, ServiceBackendPort backend) {
        return service.getSpec().getPorts().stream()
                .filter(p -> backend.getName() != null ? backend.getName().equals(p.getName())
                        : backend.getNumber().equals(p.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service.getMetadata().getName() + " has no port " + backend));
    }

    /** The container port a Service port reaches, through the selector and the (named or numbered) targetPort. */
    private static int containerPort(Rendered r, Service service, ServicePort port) {
        List<Deployment> selected = r.all(Deployment.class).stream()
                .filter(d -> Selectors.matches(service.getSpec().getSelector(),
                        d.getSpec().getTemplate().getMetadata().getLabels()))
                .toList();
        assertThat(selected).as("Deployments selected by Service %s", service.getMetadata().getName()).hasSize(1);
        List<ContainerPort> ports = selected.get(0).getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getPorts).flatMap(List::stream).collect(Collectors.toList());
        Optional<ContainerPort> target = ports.stream()
                .filter(p -> port.getTargetPort().getStrVal() != null
                        ? port.getTargetPort().getStrVal().equals(p.getName())
                        : port.getTargetPort().getIntVal().equals(p.getContainerPort()))
                .findFirst();
        return target.orElseThrow(() -> new AssertionError("targetPort " + port.getTargetPort() + " of Service "
                + service.getMetadata().getName() + " reaches no container port")).getContainerPort();
    }
}
