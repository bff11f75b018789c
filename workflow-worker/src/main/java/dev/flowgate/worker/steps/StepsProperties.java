package dev.flowgate.worker.steps;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the step activities, under {@code flowgate.worker.steps}.
 *
 * @param upstreamAllow CIDRs internal hosts may be called in (FLOWGATE_UPSTREAM_ALLOW)
 * @param webhookSigningSecret the secret tenants' webhook secrets derive from; webhooks fail while blank
 * @param mailFrom the sender of {@code notify} emails
 * @param connectTimeout connect timeout of outgoing calls
 * @param maxResponseBytes larger response bodies are cut to this size
 */
@ConfigurationProperties("flowgate.worker.steps")
public record StepsProperties(
    @DefaultValue("") String upstreamAllow,
    @DefaultValue("") String webhookSigningSecret,
    @DefaultValue("flowgate@localhost") String mailFrom,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("1048576") int maxResponseBytes) {}
