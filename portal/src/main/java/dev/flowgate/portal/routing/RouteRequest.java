package dev.flowgate.portal.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create or patch a route; on patch, absent (null) fields stay as they are. */
public record RouteRequest(
    @Nullable String name,
    @Nullable UUID serviceId,
    @Nullable List<String> paths,
    @Nullable List<String> methods,
    @Nullable List<String> hosts,
    @Nullable Boolean stripPath,
    @Nullable List<Policy> policies) {}
