package dev.coview.annotation.messaging;

import dev.coview.contracts.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, reads where the annotation log ends (and where it begins, after retention) and hands it to
 * {@link CatchUp}. Runs on the main thread during startup, where blocking is allowed.
 */
@ApplicationScoped
public class LogEndOffsets {

    void onStart(@Observes StartupEvent event, CatchUp catchUp,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            TopicDescription topic = admin.describeTopics(java.util.List.of(Topics.ANNOTATIONS))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.ANNOTATIONS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            topic.partitions().forEach(p -> {
                latest.put(new TopicPartition(Topics.ANNOTATIONS, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(Topics.ANNOTATIONS, p.partition()), OffsetSpec.earliest());
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(30, TimeUnit.SECONDS);
            Map<Integer, Long> targets = new HashMap<>();
            ends.forEach((tp, info) -> {
                // A partition whose records have all expired has nothing to read.
                long start = starts.get(tp).offset();
                targets.put(tp.partition(), info.offset() > start ? info.offset() : 0L);
            });
            catchUp.target(targets);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + Topics.ANNOTATIONS, e);
        }
    }
}
