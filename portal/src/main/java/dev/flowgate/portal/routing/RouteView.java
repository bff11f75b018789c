package dev.flowgate.portal.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record RouteView(
    UUID id,
    String name,
    UUID serviceId,
    List<String> paths,
    List<String> methods,
    List<String> hosts,
    boolean stripPath,
    List<Policy> policies,
    Instant createdAt,
    Instant updatedAt) {}
