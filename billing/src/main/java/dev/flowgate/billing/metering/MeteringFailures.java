package dev.flowgate.billing.metering;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells failures that pass by themselves (the database is restarting) from those that do not. */
final class MeteringFailures {

  private MeteringFailures() {}

  /**
   * A transient failure is retried until it clears rather than dead-lettered: dead-lettering
   * during a database restart would drop every in-flight call from usage until someone replays it.
   */
  static boolean isTransient(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TransientDataAccessException
          || t instanceof DataAccessResourceFailureException
          || t instanceof RecoverableDataAccessException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
    }
    return false;
  }
}
