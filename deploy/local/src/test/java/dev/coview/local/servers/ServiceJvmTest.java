package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    private static final Path ROOM_JAR = Path.of("/work/room-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void eachServiceGetsItsHeapAndTheCommonOptions() {
        assertThat(ServiceJvm.options(ROOM_JAR, "room-service", Runtime.Version.parse("17.0.15")))
                .startsWith("-Xms32m", "-Xmx128m").containsAll(ServiceJvm.COMMON);
        assertThat(ServiceJvm.options(Path.of("/w/annotation-service/target/quarkus-app/quarkus-run.jar"), "a",
                Runtime.Version.parse("17.0.15"))).startsWith("-Xms32m", "-Xmx192m");
        assertThat(ServiceJvm.module(ROOM_JAR)).isEqualTo("room-service");
        assertThat(ServiceJvm.module(Path.of("quarkus-run.jar"))).isEmpty();
    }

    @Test
    void jdk17GetsNoClassDataArchiveAndTheHeapTrimOnlyFrom17_0_9() {
        assertThat(ServiceJvm.options(ROOM_JAR, "r", Runtime.Version.parse("17.0.15")))
                .contains("-XX:TrimNativeHeapInterval=2000").noneMatch(o -> o.contains("SharedArchive"));
        assertThat(ServiceJvm.options(ROOM_JAR, "r", Runtime.Version.parse("17.0.8")))
                .noneMatch(o -> o.contains("TrimNativeHeap"));
        assertThat(ServiceJvm.options(ROOM_JAR, "r", Runtime.Version.parse("20.0.2")))
                .noneMatch(o -> o.contains("TrimNativeHeap")).contains("-XX:+AutoCreateSharedArchive");
    }

    @Test
    void jdk19AndLaterGetAnArchivePerInstanceNextToThePackagedApplication() {
        assertThat(ServiceJvm.options(ROOM_JAR, "signaling a", Runtime.Version.parse("25.0.3")))
                .contains("-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=/work/room-service/target/cds/signaling_a-jdk25.0.3.jsa");
    }

    /** The options as this JDK sees them: a JVM started with them runs (an unknown -XX flag would stop it). */
    @Test
    void thisJdkStartsWithTheOptions(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("some-service/target/quarkus-app/quarkus-run.jar");
        List<String> cmd = new ArrayList<>(List.of(KafkaBroker.javaBinary()));
        List<String> options = ServiceJvm.options(jar, "probe");
        cmd.addAll(options);
        cmd.add("-version");
        Files.createDirectories(dir.resolve("some-service/target/cds"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s:%n%s", cmd, out).isZero();
        assertThat(out).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized");
    }

    /** deploy/kubernetes runs the services with the same heap and caps (JAVA_TOOL_OPTIONS of each Deployment). */
    @Test
    void theKubernetesManifestsUseTheSameHeapAndCaps() throws IOException {
        for (String module : List.of("room-service", "signaling-service", "annotation-service")) {
            List<String> lines = Files.readAllLines(Path.of("../kubernetes/base", module + ".yaml"));
            int i = lines.indexOf(lines.stream().filter(l -> l.trim().equals("- name: JAVA_TOOL_OPTIONS"))
                    .findFirst().orElseThrow(() -> new AssertionError(module + ".yaml sets no JAVA_TOOL_OPTIONS")));
            List<String> options = List.of(lines.get(i + 1).trim().replaceFirst("^value:\\s*", "").split("\\s+"));
            // The GC is chosen by GC_CONTAINER_OPTIONS there (the image's run-java.sh would add ParallelGC otherwise).
            assertThat(options).as(module).containsAll(ServiceJvm.heap(module))
                    .containsAll(ServiceJvm.COMMON.stream().filter(o -> !o.equals("-XX:+UseSerialGC")).toList())
                    .containsAll(ServiceJvm.nativeHeapTrim(Runtime.Version.parse("17.0.15")));
            assertThat(lines).as(module).anySatisfy(l -> assertThat(l.trim()).isEqualTo("value: -XX:+UseSerialGC"));
        }
    }
}
