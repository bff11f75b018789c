package dev.flowgate.contracts.config;

import dev.flowgate.contracts.Versioned;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published on {@code config.invalidations} after every configuration change, so gateways pull
 * the new snapshot at once instead of waiting for their next poll.
 *
 * @param resourceType for example {@code service}, {@code route}, {@code api_key}, {@code tenant}
 * @param configVersion the snapshot version that contains the change
 */
public record ConfigInvalidated(
    UUID tenantId, String resourceType, @Nullable String resourceId, String change, long configVersion)
    implements Versioned {

  public static final String TYPE = "config.invalidated";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int schemaVersion() {
    return VERSION;
  }
}
