package dev.flowgate.portal.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param grace how long a deleted tenant can still be restored before it is purged for good */
@ConfigurationProperties("flowgate.tenant-deletion")
public record TenantDeletionProperties(@DefaultValue("30d") Duration grace) {}
