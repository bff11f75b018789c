package dev.flowgate.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.billing.QuotaStateChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotaBlocksTest {

  private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
  private final QuotaBlocks blocks = new QuotaBlocks(Clock.fixed(now, ZoneOffset.UTC), new SimpleMeterRegistry());
  private final UUID tenant = UUID.randomUUID();

  private QuotaStateChanged change(boolean blocked, Instant until, Instant measuredAt) {
    return new QuotaStateChanged(tenant, "2026-11", blocked ? "hard_limit_reached" : "ok", blocked, 1000, 500,
        1000L, blocked ? until : null, measuredAt);
  }

  @Test
  void a_blocked_tenant_stays_blocked_until_its_block_ends() {
    Instant until = now.plus(Duration.ofDays(8));
    blocks.apply(change(true, until, now));

    assertThat(blocks.blockedUntil(tenant)).isEqualTo(until);
    assertThat(blocks.blockedUntil(UUID.randomUUID())).isNull();
  }

  @Test
  void a_block_that_already_ended_lets_calls_through() {
    blocks.apply(change(true, now.minusSeconds(1), now));

    assertThat(blocks.blockedUntil(tenant)).isNull();
  }

  @Test
  void an_older_message_arriving_late_does_not_undo_a_newer_one() {
    blocks.apply(change(false, now, now));
    blocks.apply(change(true, now.plusSeconds(3600), now.minusSeconds(5)));

    assertThat(blocks.blockedUntil(tenant)).isNull();
  }
}
