package dev.flowgate.billing.quotas;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where a tenant's period usage stands against its plan, in increasing order of severity. */
public enum QuotaState {
  OK, WARNING, INCLUDED_EXHAUSTED, HARD_LIMIT_REACHED;

  static final int WARNING_PERCENT = 80;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static QuotaState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** The state of {@code used} calls on a plan; a hard limit wins over everything else. */
  static QuotaState of(long used, long included, @Nullable Long hardLimit) {
    if (hardLimit != null && used >= hardLimit) {
      return HARD_LIMIT_REACHED;
    }
    if (used >= included && (included > 0 || used > 0)) {
      return INCLUDED_EXHAUSTED;
    }
    // integer comparison of used/included >= 80%
    if (included > 0 && used * 100 >= included * WARNING_PERCENT) {
      return WARNING;
    }
    return OK;
  }

  boolean blocked() {
    return this == HARD_LIMIT_REACHED;
  }
}
