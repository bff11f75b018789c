package dev.flowgate.worker.schedules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler, under {@code flowgate.worker.schedules}.
 *
 * @param enabled whether this worker fires schedules (any number of workers may)
 * @param tick how often due schedules are looked for
 * @param grace how late a fire time may be and still count as on time rather than missed
 * @param batch schedules handled at most per tick
 */
@ConfigurationProperties("flowgate.worker.schedules")
public record SchedulesProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration tick,
    @DefaultValue("30s") Duration grace,
    @DefaultValue("100") int batch) {}
