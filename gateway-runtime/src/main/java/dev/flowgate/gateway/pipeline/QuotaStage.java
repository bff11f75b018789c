package dev.flowgate.gateway.pipeline;

import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.problems.Problem;
import dev.flowgate.gateway.problems.ProblemType;
import dev.flowgate.gateway.quota.QuotaBlocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A tenant billing has blocked gets 429 {@code quota-exceeded}, with {@code Retry-After} until the block ends. */
final class QuotaStage implements RequestStage {

  private final QuotaBlocks blocks;
  private final Clock clock;

  QuotaStage(QuotaBlocks blocks, Clock clock) {
    this.blocks = blocks;
    this.clock = clock;
  }

  @Override
  public @Nullable Problem apply(Exchange exchange) {
    Tenant tenant = Objects.requireNonNull(exchange.tenant());
    Instant until = blocks.blockedUntil(tenant.id());
    if (until == null) {
      return null;
    }
    blocks.refused(tenant.slug());
    long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
    return new Problem(ProblemType.QUOTA_EXCEEDED,
        "The tenant's plan quota is used up until " + until + ".", (int) Math.min(Integer.MAX_VALUE, seconds));
  }
}
