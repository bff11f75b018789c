package dev.flowgate.gateway.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;

/**
 * The route chosen for a request.
 *
 * @param upstreamPath the path to request upstream, without the query
 */
public record RouteMatch(Route route, Service service, Upstream upstream, String upstreamPath) {}
