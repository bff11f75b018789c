import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.calls.ApiCallRecorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Billing metering benchmark against a running billing process that consumes {@code topic}:
 * (1) throughput: {@code produce-burst} puts {@code records} on the topic before billing starts,
 * then the run times billing draining them, from the first to the last record visible in the
 * daily aggregates (so neither billing's start nor the producer's speed, which on a busy box
 * was the slower of the two, is measured); (2) delay: produce at a steady rate and time each
 * record from send until its tenant's aggregate count covers it (polled every 20 ms, so ±20 ms).
 *
 * <p>Args: bootstrap topic jdbcUrl records steadyRate steadySeconds resultsFile notes burstFile;
 * {@code create-topic bootstrap topic} and {@code produce-burst bootstrap topic records burstFile}
 * first.
 */
public class BillingBench {

  static final int TENANTS = 12;
  static final int POLL_MS = 20;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("create-topic")) {
      // before billing starts: its consumer would otherwise auto-create the topic with one partition
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[1]))) {
        admin.createTopics(List.of(new NewTopic(args[2], 3, (short) 1))).all().get();
      }
      return;
    }
    if (args[0].equals("produce-burst")) {
      produceBurst(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
      return;
    }
    String bootstrap = args[0], topic = args[1], jdbcUrl = args[2];
    int records = Integer.parseInt(args[3]), rate = Integer.parseInt(args[4]), seconds = Integer.parseInt(args[5]);
    Path results = Path.of(args[6]);
    String notes = args[7];
    List<String> burst = Files.readAllLines(Path.of(args[8]));
    double produceSeconds = Double.parseDouble(burst.getFirst());
    UUID[] bulkTenants = burst.stream().skip(1).map(UUID::fromString).toArray(UUID[]::new);
    try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
        Connection db = DriverManager.getConnection(jdbcUrl, "flowgate", "")) {
      long first;
      long before;
      long startDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while ((before = total(db, bulkTenants)) == 0) {
        if (System.nanoTime() > startDeadline) {
          throw new IllegalStateException("billing metered nothing within 5 minutes");
        }
        Thread.sleep(POLL_MS);
      }
      first = System.nanoTime();
      while (total(db, bulkTenants) < records) {
        Thread.sleep(POLL_MS);
      }
      double meteredSeconds = (System.nanoTime() - first) / 1e9;
      long exact = total(db, bulkTenants);

      UUID[] steadyTenants = tenants();
      int n = rate * seconds;
      long[] sentAt = new long[n];
      long[] visibleAt = new long[n];
      Thread sender = Thread.ofPlatform().start(() -> {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          long due = t0 + (long) i * 1_000_000_000L / rate;
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
          sentAt[i] = System.nanoTime();
          producer.send(record(topic, steadyTenants[i % TENANTS], i));
        }
        producer.flush();
      });
      Map<UUID, Long> seen = new HashMap<>();
      int[] nextIndex = new int[TENANTS];
      for (int t = 0; t < TENANTS; t++) {
        nextIndex[t] = t;
      }
      int covered = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 120).toNanos();
      while (covered < n && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MS);
        long now = System.nanoTime();
        perTenant(db, steadyTenants, seen);
        for (int t = 0; t < TENANTS; t++) {
          long count = seen.getOrDefault(steadyTenants[t], 0L);
          // the tenant's k-th record (k = index / TENANTS) is visible once its count exceeds k
          while (nextIndex[t] < n && nextIndex[t] / TENANTS < count) {
            visibleAt[nextIndex[t]] = now;
            nextIndex[t] += TENANTS;
            covered++;
          }
        }
      }
      sender.join();
      long[] delays = new long[covered];
      int j = 0;
      for (int i = 0; i < n; i++) {
        if (visibleAt[i] != 0) {
          delays[j++] = (visibleAt[i] - sentAt[i]) / 1_000_000;
        }
      }
      Arrays.sort(delays);
      String report = """
          # Billing metering benchmark

          Run %s. %s

          ## Throughput (burst)
          - %,d records produced to `%s` (3 partitions, %d tenants) in %.2f s, before billing started
          - the other %,d in `usage_daily` %.2f s after the first %,d were: **%,.0f records/s** metered
          - aggregates hold exactly %,d calls (expected %,d)

          ## Delay from produce to visible usage (steady %,d records/s for %d s)
          - records covered: %,d of %,d
          - p50 **%d ms**, p99 **%d ms**, max %d ms (poll resolution %d ms)

          Targets: >= 20,000 records/s, p99 <= 2 s.
          """.formatted(Instant.now(), notes, records, topic, TENANTS, produceSeconds, records - before, meteredSeconds,
          before, (records - before) / meteredSeconds, exact, records, rate, seconds, covered, n, pct(delays, 0.50), pct(delays, 0.99),
          delays.length == 0 ? -1 : delays[delays.length - 1], POLL_MS);
      Files.writeString(results, report);
      System.out.println(report);
      cleanUp(db, bulkTenants);
      cleanUp(db, steadyTenants);
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
  }

  /** The burst, before billing starts; writes its production time and tenants to {@code burstFile}. */
  static void produceBurst(String bootstrap, String topic, int records, Path burstFile) throws Exception {
    UUID[] tenants = tenants();
    try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
      long started = System.nanoTime();
      for (int i = 0; i < records; i++) {
        producer.send(record(topic, tenants[i % TENANTS], i));
      }
      producer.flush();
      List<String> lines = new ArrayList<>();
      lines.add(String.valueOf((System.nanoTime() - started) / 1e9));
      Arrays.stream(tenants).map(UUID::toString).forEach(lines::add);
      Files.write(burstFile, lines);
    }
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("batch.size", "262144");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  static UUID[] tenants() {
    UUID[] tenants = new UUID[TENANTS];
    for (int i = 0; i < TENANTS; i++) {
      tenants[i] = UUID.randomUUID();
    }
    return tenants;
  }

  static ProducerRecord<String, byte[]> record(String topic, UUID tenant, int i) {
    Instant now = Instant.now();
    var call = new ApiCallRecorded(UUID.randomUUID().toString(), tenant, null, null, null, "GET", "/bench",
        i % 50 == 0 ? 503 : 200, 5 + i % 40, 100, 400, "127.0.0.1", now);
    return new ProducerRecord<>(topic, tenant.toString(), EventCodec.toBytes(Envelope.of(call, tenant, null, "bench", now)));
  }

  static long pct(long[] sorted, double q) {
    return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  static long total(Connection db, UUID[] tenants) throws Exception {
    Map<UUID, Long> counts = new HashMap<>();
    try {
      perTenant(db, tenants, counts);
    } catch (java.sql.SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // a fresh database: billing has not run its migrations yet
      }
      throw e;
    }
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  static void perTenant(Connection db, UUID[] tenants, Map<UUID, Long> into) throws Exception {
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT tenant_id, sum(calls) FROM billing.usage_daily WHERE tenant_id = ANY (?) GROUP BY tenant_id")) {
      ps.setArray(1, db.createArrayOf("uuid", tenants));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          into.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
    }
  }

  static void cleanUp(Connection db, UUID[] tenants) throws Exception {
    List<String> tables = new ArrayList<>(List.of("api_calls", "usage_hourly", "usage_daily", "quota_states",
        "usage_alerts"));
    for (String table : tables) {
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM billing." + table + " WHERE tenant_id = ANY (?)")) {
        ps.setArray(1, db.createArrayOf("uuid", tenants));
        ps.executeUpdate();
      }
    }
  }
}
