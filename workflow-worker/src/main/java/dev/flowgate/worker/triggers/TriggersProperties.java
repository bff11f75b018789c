package dev.flowgate.worker.triggers;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JetStream consumers of triggers and signals, under {@code flowgate.worker.triggers}.
 *
 * @param enabled whether this worker consumes at all
 * @param durablePrefix durable consumer names are {@code <prefix>-triggers} and {@code <prefix>-signals}
 * @param deliverNewOnly a newly created consumer skips what the stream already holds (tests)
 * @param inactiveThreshold lets NATS remove the consumers after this idle time (tests); null keeps them
 * @param maxDeliver deliveries of one message before it is given up
 */
@ConfigurationProperties("flowgate.worker.triggers")
public record TriggersProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("workflow-worker") String durablePrefix,
    @DefaultValue("false") boolean deliverNewOnly,
    @Nullable Duration inactiveThreshold,
    @DefaultValue("5") int maxDeliver) {}
