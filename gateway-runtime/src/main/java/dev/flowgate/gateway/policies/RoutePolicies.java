package dev.flowgate.gateway.policies;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.gateway.auth.JwtPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A route's policies, parsed once when a snapshot is loaded rather than on every call.
 *
 * @param jwt the {@code jwt_auth} policy, if usable
 * @param acceptsKeys whether API keys may call the route (see {@link JwtPolicy})
 * @param requestBody the {@code request_transform}'s {@code body} mapping; null keeps the body streaming
 * @param responseBody the {@code response_transform}'s {@code body} mapping; null keeps the body streaming
 */
public record RoutePolicies(
    @Nullable JwtPolicy jwt,
    boolean acceptsKeys,
    @Nullable IpFilter ipFilter,
    @Nullable CorsPolicy cors,
    @Nullable HeaderTransform requestTransform,
    @Nullable HeaderTransform responseTransform,
    @Nullable BodyMapping requestBody,
    @Nullable BodyMapping responseBody,
    @Nullable PiiMasker piiMasker,
    @Nullable SchemaValidation schema,
    @Nullable ResponseCachePolicy cache) {

  public static RoutePolicies of(Route route) {
    return new RoutePolicies(JwtPolicy.of(route), JwtPolicy.acceptsKeys(route), IpFilter.of(route),
        CorsPolicy.of(route), HeaderTransform.of(route, HeaderTransform.REQUEST),
        HeaderTransform.of(route, HeaderTransform.RESPONSE), BodyMapping.of(route, HeaderTransform.REQUEST),
        BodyMapping.of(route, HeaderTransform.RESPONSE), PiiMasker.of(route),
        SchemaValidation.of(route), ResponseCachePolicy.of(route));
  }
}
