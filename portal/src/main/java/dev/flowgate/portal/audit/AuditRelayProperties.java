package dev.flowgate.portal.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How audit records go from {@code audit_outbox} to Kafka {@code audit.logs}.
 *
 * @param enabled false leaves records listed until something calls the relay (tests that play the broker's outage)
 * @param sweep how often records Kafka could not take are tried again
 * @param batch records sent per transaction
 * @param ackTimeout how long a batch waits for Kafka's acknowledgements before it is tried again later
 */
@ConfigurationProperties("flowgate.portal.audit-relay")
public record AuditRelayProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") Duration sweep,
    @DefaultValue("500") int batch,
    @DefaultValue("10s") Duration ackTimeout) {}
