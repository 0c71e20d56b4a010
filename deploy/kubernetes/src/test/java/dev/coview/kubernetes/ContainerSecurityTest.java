package dev.coview.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * Every container of every rendered workload (CoView's services and the components' Redis and coturn) has the three
 * probes, requests and limits, and runs locked down: non-root, read-only root filesystem, no privilege escalation,
 * all capabilities dropped, the runtime's default seccomp profile. Needs kubectl; no cluster.
 */
@RequiresKustomize
class ContainerSecurityTest {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);

    @EveryOverlay
    void everyContainerIsProbedLimitedAndLockedDown(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        assertThat(r.workloads()).isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (Rendered.Workload w : r.workloads()) {
            PodSpec pod = w.template().getSpec();
            soft.assertThat(pod.getAutomountServiceAccountToken()).as("%s automountServiceAccountToken", w).isFalse();
            for (Container c : containers(pod)) {
                String where = w + " container " + c.getName();
                soft.assertThat(c.getStartupProbe()).as("%s startupProbe", where).isNotNull();
                soft.assertThat(c.getLivenessProbe()).as("%s livenessProbe", where).isNotNull();
                soft.assertThat(c.getReadinessProbe()).as("%s readinessProbe", where).isNotNull();
                checkResources(soft, where, c.getResources());
                checkSecurity(soft, where, pod.getSecurityContext(), c.getSecurityContext());
            }
        }
        soft.assertAll();
    }

    @EveryOverlay
    void coviewServicesProbeQuarkusHealthOnTheirManagementPort(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            Container c = service(r, service);
            // webhook-service takes no requests: it declares only the management port (no policy opens 8080).
            var ports = service.equals("webhook-service") ? new org.assertj.core.groups.Tuple[] {tuple("management", 9000)}
                    : new org.assertj.core.groups.Tuple[] {tuple("http", 8080), tuple("management", 9000)};
            assertThat(c.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .containsExactly(ports);
            assertHttpProbe(c.getStartupProbe(), "/q/health/started");
            assertHttpProbe(c.getLivenessProbe(), "/q/health/live");
            assertHttpProbe(c.getReadinessProbe(), "/q/health/ready");
        }
    }

    @EveryOverlay
    void coviewServicesFitTheJvmSizingAndWriteOnlyToAnEmptyDirTmp(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            PodSpec pod = r.one(Deployment.class, service).getSpec().getTemplate().getSpec();
            Container c = service(r, service);
            // The image's JVM is sized for a 256-512 MiB container (service-parent's quarkus.jib settings).
            BigDecimal limit = mib(c.getResources().getLimits().get("memory"));
            assertThat(limit).as("%s memory limit in MiB", service).isBetween(BigDecimal.valueOf(256),
                    BigDecimal.valueOf(512));
            VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " mounts nothing at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                    .orElseThrow();
            assertThat(volume.getEmptyDir()).as("%s /tmp volume", service).isNotNull();
        }
    }

    private static Container service(Rendered r, String service) {
        return r.one(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container named " + service));
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet()).as("httpGet probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
    }

    private static void checkResources(SoftAssertions soft, String where, ResourceRequirements res) {
        soft.assertThat(res).as("%s resources", where).isNotNull();
        if (res == null) {
            return;
        }
        for (String kind : List.of("cpu", "memory")) {
            Quantity request = res.getRequests().get(kind);
            Quantity limit = res.getLimits().get(kind);
            soft.assertThat(request).as("%s %s request", where, kind).isNotNull();
            soft.assertThat(limit).as("%s %s limit", where, kind).isNotNull();
            if (request != null && limit != null) {
                soft.assertThat(request.getNumericalAmount()).as("%s %s request <= limit", where, kind)
                        .isLessThanOrEqualTo(limit.getNumericalAmount());
            }
        }
    }

    private static void checkSecurity(SoftAssertions soft, String where, PodSecurityContext pod, SecurityContext c) {
        soft.assertThat(c).as("%s securityContext", where).isNotNull();
        if (c == null) {
            return;
        }
        Optional<PodSecurityContext> podContext = Optional.ofNullable(pod);
        Boolean nonRoot = c.getRunAsNonRoot() != null ? c.getRunAsNonRoot()
                : podContext.map(PodSecurityContext::getRunAsNonRoot).orElse(null);
        Long user = c.getRunAsUser() != null ? c.getRunAsUser()
                : podContext.map(PodSecurityContext::getRunAsUser).orElse(null);
        SeccompProfile seccomp = c.getSeccompProfile() != null ? c.getSeccompProfile()
                : podContext.map(PodSecurityContext::getSeccompProfile).orElse(null);
        soft.assertThat(nonRoot).as("%s runAsNonRoot", where).isTrue();
        soft.assertThat(user).as("%s runAsUser (numeric, so that runAsNonRoot can be checked)", where)
                .isNotNull().isPositive();
        soft.assertThat(c.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", where).isTrue();
        soft.assertThat(c.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", where).isFalse();
        soft.assertThat(c.getPrivileged()).as("%s privileged", where).isNotEqualTo(Boolean.TRUE);
        soft.assertThat(c.getCapabilities()).as("%s capabilities", where).isNotNull();
        if (c.getCapabilities() != null) {
            soft.assertThat(c.getCapabilities().getDrop()).as("%s capabilities.drop", where).contains("ALL");
            soft.assertThat(c.getCapabilities().getAdd()).as("%s capabilities.add", where).isEmpty();
        }
        soft.assertThat(seccomp).as("%s seccompProfile", where).isNotNull();
        if (seccomp != null) {
            soft.assertThat(seccomp.getType()).as("%s seccompProfile.type", where).isEqualTo("RuntimeDefault");
        }
    }

    private static BigDecimal mib(Quantity q) {
        return Quantity.getAmountInBytes(q).divide(MIB, RoundingMode.HALF_UP);
    }
}
