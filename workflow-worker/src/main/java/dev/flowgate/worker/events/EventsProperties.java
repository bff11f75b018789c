package dev.flowgate.worker.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing run and step transitions, under {@code flowgate.worker.events}.
 *
 * @param enabled whether transitions go to Kafka at all
 * @param kafkaBootstrap Kafka brokers (FLOWGATE_KAFKA_BOOTSTRAP)
 * @param topic where transitions go
 * @param queueCapacity transitions held in memory while Kafka is slow or down; beyond it they are
 *     dropped (and counted), the run index keeping the truth
 * @param maxBlock how long one send waits for Kafka's metadata before the transition counts as failed
 */
@ConfigurationProperties("flowgate.worker.events")
public record EventsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("127.0.0.1:9092") String kafkaBootstrap,
    @DefaultValue("workflow.events") String topic,
    @DefaultValue("10000") int queueCapacity,
    @DefaultValue("5s") Duration maxBlock) {}
