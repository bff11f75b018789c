package dev.flowgate.gateway.pipeline;

import dev.flowgate.gateway.problems.Problem;
import org.jspecify.annotations.Nullable;

/** One step of the pipeline: enrich the exchange, or refuse the request with a problem. */
@FunctionalInterface
public interface RequestStage {

  /** @return null to continue with the next stage, or the problem that ends the request */
  @Nullable Problem apply(Exchange exchange);
}
