import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The bench's own metering topic, so its millions of records never reach the consumers of the
 * real api.calls: {@code create} (short retention), {@code count} (records written, summed end
 * offsets) and {@code delete}. Run by bench/run with Java's source launcher on the kafka-clients
 * jar taken from the gateway's own jar.
 *
 * <p>Usage: {@code java KafkaTopic.java create|count|delete <bootstrap> <topic>}
 */
public final class KafkaTopic {

  public static void main(String[] args) throws Exception {
    String command = args[0];
    String topic = args[2];
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1],
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
      switch (command) {
        case "create" -> create(admin, topic);
        case "count" -> System.out.println(count(admin, topic));
        case "delete" -> delete(admin, topic);
        default -> throw new IllegalArgumentException("unknown command " + command);
      }
    }
  }

  private static void create(Admin admin, String topic) throws Exception {
    // ten minutes: long enough to count them at the end of a run, short enough to leave no trace
    NewTopic spec = new NewTopic(topic, 3, (short) 1)
        .configs(Map.of("retention.ms", "600000", "segment.bytes", "67108864"));
    try {
      admin.createTopics(List.of(spec)).all().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static long count(Admin admin, String topic) throws Exception {
    Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS)
        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
        .collect(Collectors.toSet());
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset()).sum();
  }

  private static void delete(Admin admin, String topic) throws Exception {
    try {
      admin.deleteTopics(List.of(topic)).all().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw e;
      }
    }
  }
}
