package dev.flowgate.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.worker}. The Temporal address is Temporal's own
 * {@code spring.temporal.connection.target} (from {@code FLOWGATE_TEMPORAL_TARGET}).
 *
 * @param natsUrl NATS server for heartbeats (and, later, triggers and signals)
 * @param instanceId this process in heartbeats; defaults to host name and pid
 * @param heartbeatInterval how often a heartbeat goes out on {@code health.heartbeats}
 * @param temporalHealthTimeout how long the health check waits for Temporal to answer
 */
@ConfigurationProperties("flowgate.worker")
public record WorkerProperties(
    @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
    @DefaultValue("") String instanceId,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("2s") Duration temporalHealthTimeout) {}
