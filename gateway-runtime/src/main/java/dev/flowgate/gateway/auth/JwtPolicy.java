package dev.flowgate.gateway.auth;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A route's {@code jwt_auth} policy, {@code {"jwksUri", "issuer", "audience"}}: the route accepts
 * JWTs signed by a key of that JWKS, for that issuer and audience. Such a route accepts API keys
 * only when it lists {@code key_auth} too; a route without {@code jwt_auth} accepts only keys.
 */
public record JwtPolicy(URI jwksUri, String issuer, String audience) {

  public static final String POLICY = "jwt_auth";
  public static final String KEY_AUTH = "key_auth";

  /** The route's JWT policy, or null when it has none (or only an unusable one). */
  public static @Nullable JwtPolicy of(Route route) {
    for (Policy policy : route.policies()) {
      if (POLICY.equals(policy.type()) && policy.config() != null) {
        JwtPolicy parsed = parse(policy.config());
        if (parsed != null) {
          return parsed;
        }
      }
    }
    return null;
  }

  /** Whether the route names {@code jwt_auth} at all, usable or not. */
  public static boolean declared(Route route) {
    return has(route, POLICY);
  }

  /** Whether the route accepts API keys: always without {@code jwt_auth}, with it only beside {@code key_auth}. */
  public static boolean acceptsKeys(Route route) {
    return !declared(route) || has(route, KEY_AUTH);
  }

  private static boolean has(Route route, String type) {
    for (Policy policy : route.policies()) {
      if (type.equals(policy.type())) {
        return true;
      }
    }
    return false;
  }

  static @Nullable JwtPolicy parse(JsonNode config) {
    String jwks = config.path("jwksUri").asString("");
    String issuer = config.path("issuer").asString("");
    String audience = config.path("audience").asString("");
    if (jwks.isBlank() || issuer.isBlank() || audience.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(jwks.strip());
      return uri.getHost() == null ? null : new JwtPolicy(uri, issuer, audience);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
