package dev.flowgate.billing.quotas;

import dev.flowgate.billing.metering.CallsMetered;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Collects the tenants whose usage grew (after the metering transaction committed) and evaluates
 * them off the Kafka consumer's thread, so quotas never slow metering down; also re-announces
 * blocked tenants so a gateway that starts late or missed a message still learns who is blocked.
 */
@Component
class QuotaMonitor {

  private static final Logger log = LoggerFactory.getLogger(QuotaMonitor.class);

  private final QuotaService quotas;
  private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();

  QuotaMonitor(QuotaService quotas) {
    this.quotas = quotas;
  }

  @TransactionalEventListener
  void on(CallsMetered metered) {
    dirty.addAll(metered.tenantIds());
  }

  /** After a restart, tenants whose usage grew while billing was down are caught up. */
  @EventListener(ApplicationReadyEvent.class)
  void evaluateAllAtStart() {
    dirty.addAll(quotas.tenantsWithUsageThisPeriod());
  }

  @Scheduled(fixedDelayString = "${flowgate.billing.quotas.evaluate-interval:PT0.25S}")
  void evaluateDirty() {
    for (UUID tenant : Set.copyOf(dirty)) {
      dirty.remove(tenant);
      try {
        quotas.evaluate(tenant);
      } catch (RuntimeException e) {
        dirty.add(tenant);
        log.warn("Quota evaluation of tenant {} failed; retried on the next round", tenant, e);
      }
    }
  }

  @Scheduled(fixedDelayString = "${flowgate.billing.quotas.resend-interval:PT5S}")
  void resendBlocked() {
    try {
      quotas.resendBlocked();
    } catch (RuntimeException e) {
      log.warn("Re-announcing blocked tenants failed", e);
    }
  }
}
