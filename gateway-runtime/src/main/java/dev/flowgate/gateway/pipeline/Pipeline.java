package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.problems.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The stages every request runs through before it is forwarded, in order. */
public final class Pipeline {

  private final RequestStage[] stages;

  public Pipeline(List<RequestStage> stages) {
    this.stages = stages.toArray(RequestStage[]::new);
  }

  /** Host tenant, credential, tenant consistency, route, scope. */
  public static Pipeline standard(String domain, ApiKeyAuthenticator authenticator) {
    return new Pipeline(
        List.of(
            new RequestSanityStage(),
            new HostTenantStage(domain),
            new AuthenticationStage(authenticator),
            new TenantStage(),
            new RoutingStage(),
            new ScopeStage()));
  }

  /** @return null when the request may be forwarded */
  public @Nullable Problem run(Exchange exchange) {
    for (RequestStage stage : stages) {
      Problem problem = stage.apply(exchange);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
