package dev.flowgate.portal.base.security;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * Marks work done for the platform rather than for one tenant, the only work row-level security
 * lets see every tenant's rows (V11: with no tenant and no platform scope a transaction sees
 * nothing). Two ways in, both read when a transaction begins:
 * <ul>
 *   <li>declaratively, {@code @Transactional(label = PlatformScope.LABEL)} on the entry method
 *       (login by email, sign-up, token lookup, invitation acceptance);</li>
 *   <li>programmatically, {@link #call} around code that begins transactions (filters, start-up jobs).</li>
 * </ul>
 * Callers authenticated as a platform operator or with the internal token are in this scope
 * without asking (see {@link TenantScopedTransactionManager}).
 */
public final class PlatformScope {

  /** The transaction label that opens the platform scope. */
  public static final String LABEL = "flowgate:platform";

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private PlatformScope() {}

  /** Runs the work with every transaction it begins in the platform scope. */
  public static <T> T call(Supplier<T> work) {
    if (Boolean.TRUE.equals(ACTIVE.get())) {
      return work.get();
    }
    ACTIVE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      ACTIVE.remove();
    }
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** True when the transaction was asked for the platform scope, by label or by {@link #call}. */
  static boolean requested(TransactionDefinition definition) {
    return Boolean.TRUE.equals(ACTIVE.get())
        || definition instanceof TransactionAttribute attribute && attribute.getLabels().contains(LABEL);
  }
}
