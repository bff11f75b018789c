package dev.flowgate.portal.apikeys;

import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.usage.UsageClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * When each of a tenant's keys was last used, to the hour, from billing's metered calls of the last
 * {@link #LOOKBACK}: the gateway writes nothing to PostgreSQL, so metered calls are the only record.
 */
@Component
class KeyActivity {

  static final Duration LOOKBACK = Duration.ofDays(7);

  private final UsageClient usage;
  private final Clock clock;

  KeyActivity(UsageClient usage, Clock clock) {
    this.usage = usage;
    this.clock = clock;
  }

  /** @return the start of the last hour with calls, by key id; empty when billing does not answer */
  Optional<Map<String, Instant>> lastUsed(Actor actor) {
    Instant to = clock.instant();
    Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(LOOKBACK);
    Map<String, Instant> last = new HashMap<>();
    try {
      for (JsonNode point : usage.usage(actor.tenantId(), from, to, "hour", "key").path("series")) {
        String key = point.path("group").asString("");
        if (!key.isEmpty() && point.path("calls").asLong(0) > 0) {
          Instant bucket = Instant.parse(point.path("bucketStart").asString());
          last.merge(key, bucket, (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    } catch (UnavailableException e) {
      return Optional.empty();
    }
    return Optional.of(last);
  }
}
