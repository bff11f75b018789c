package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.gateway.auth.JwtPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A route's policies, parsed once when a snapshot is loaded rather than on every call.
 *
 * @param jwt the {@code jwt_auth} policy, if usable
 * @param acceptsKeys whether API keys may call the route (see {@link JwtPolicy})
 */
public record RoutePolicies(
    @Nullable JwtPolicy jwt,
    boolean acceptsKeys,
    @Nullable IpFilter ipFilter,
    @Nullable CorsPolicy cors,
    @Nullable HeaderTransform requestTransform,
    @Nullable HeaderTransform responseTransform,
    @Nullable PiiMasker piiMasker,
    @Nullable SchemaValidation schema,
    @Nullable ResponseCachePolicy cache) {

  public static RoutePolicies of(Route route) {
    return new RoutePolicies(JwtPolicy.of(route), JwtPolicy.acceptsKeys(route), IpFilter.of(route),
        CorsPolicy.of(route), HeaderTransform.of(route, HeaderTransform.REQUEST),
        HeaderTransform.of(route, HeaderTransform.RESPONSE), PiiMasker.of(route),
        SchemaValidation.of(route), ResponseCachePolicy.of(route));
  }
}
