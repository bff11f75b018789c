package dev.flowgate.portal.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long audit records are kept before {@link AuditRetention} removes them
 * @param batch records removed per transaction, so a first run over years of records holds no long lock
 */
@ConfigurationProperties("flowgate.audit")
public record AuditRetentionProperties(
    @DefaultValue("730d") Duration retention,
    @DefaultValue("10000") int batch) {}
