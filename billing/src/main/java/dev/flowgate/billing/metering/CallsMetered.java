package dev.flowgate.billing.metering;

import java.util.Set;
import java.util.UUID;

/** Published inside the metering transaction: these tenants' usage grew. */
public record CallsMetered(Set<UUID> tenantIds) {}
