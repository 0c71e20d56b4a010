package dev.coview.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects one Kustomize directory renders to, with look-ups by type, kind and name. */
record Rendered(String dir, List<HasMetadata> objects) {

    /** CoView's own services: the Deployments of base/. */
    static final List<String> SERVICES = List.of("room-service", "signaling-service", "annotation-service",
            "webhook-service");

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                dir + " renders no " + type.getSimpleName() + " named " + name));
    }

    /** Custom resources of one kind (parsed as GenericKubernetesResource: their CRDs are not in the model). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    /** A workload: anything that owns a pod template. */
    record Workload(String kind, String name, PodTemplateSpec template) {
        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    List<Workload> workloads() {
        return Stream.of(
                all(Deployment.class).stream().map(d -> new Workload("Deployment", name(d), d.getSpec().getTemplate())),
                all(StatefulSet.class).stream()
                        .map(s -> new Workload("StatefulSet", name(s), s.getSpec().getTemplate())),
                all(DaemonSet.class).stream().map(d -> new Workload("DaemonSet", name(d), d.getSpec().getTemplate())),
                all(Job.class).stream().map(j -> new Workload("Job", name(j), j.getSpec().getTemplate())),
                all(CronJob.class).stream().map(c -> new Workload("CronJob", name(c),
                        c.getSpec().getJobTemplate().getSpec().getTemplate())))
                .flatMap(s -> s)
                .toList();
    }

    private static String name(HasMetadata o) {
        return o.getMetadata().getName();
    }

    @Override
    public String toString() {
        return dir;
    }
}
