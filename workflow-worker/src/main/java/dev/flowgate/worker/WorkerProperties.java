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
 * @param stickyExecution whether workflow tasks are routed to the worker that has the run cached
 *     (Temporal's sticky execution). Off by default because the local dev server (the Java
 *     {@code temporal-test-server}) never moves a task off a dead worker's sticky queue, so a run
 *     in flight when its worker stops would hang; turn it on against a real Temporal cluster
 *     ({@code FLOWGATE_TEMPORAL_STICKY_EXECUTION=true}). See {@link StickyExecution}.
 */
@ConfigurationProperties("flowgate.worker")
public record WorkerProperties(
    @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
    @DefaultValue("") String instanceId,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("2s") Duration temporalHealthTimeout,
    @DefaultValue("false") boolean stickyExecution) {}
