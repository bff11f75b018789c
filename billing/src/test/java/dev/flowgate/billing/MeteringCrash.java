package dev.flowgate.billing;

import dev.flowgate.billing.metering.CallsMetered;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Simulates billing dying between the database commit and the Kafka offset commit: once armed for
 * a tenant, the next metering transaction holding its calls fails right after it committed, with
 * an error the listener treats as an outage, so Kafka delivers the same records again.
 */
public class MeteringCrash {

  private final Set<UUID> armed = ConcurrentHashMap.newKeySet();
  private final AtomicInteger crashes = new AtomicInteger();

  public void armFor(UUID tenant) {
    armed.add(tenant);
  }

  public int crashes() {
    return crashes.get();
  }

  /** Runs inside the metering transaction and makes its commit fail just after it succeeded. */
  @EventListener
  void duringMetering(CallsMetered metered) {
    for (UUID tenant : metered.tenantIds()) {
      if (armed.remove(tenant)) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            crashes.incrementAndGet();
            throw new DataAccessResourceFailureException("simulated crash after the metering commit");
          }
        });
      }
    }
  }
}
