package dev.flowgate.portal.workflows;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which runs of a workflow a list shows: of one status, started in {@code [from, to)}; null means
 * any.
 */
public record RunFilter(@Nullable String status, @Nullable Instant from, @Nullable Instant to) {

  /** The run states of PRODUCT.md. */
  public static final Set<String> STATUSES = Set.of("PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED");

  public static final RunFilter ANY = new RunFilter(null, null, null);
}
