package dev.flowgate.gateway.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.policies.RoutePolicies;

/**
 * The route chosen for a request.
 *
 * @param upstreamPath the path to request upstream, without the query
 * @param policies the route's policies, parsed
 */
public record RouteMatch(Route route, Service service, Upstream upstream, String upstreamPath, RoutePolicies policies) {}
