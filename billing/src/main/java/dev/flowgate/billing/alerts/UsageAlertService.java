package dev.flowgate.billing.alerts;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Raises each usage alert once per tenant, period and threshold, and hands new ones to the webhook and mail. */
@Service
public class UsageAlertService {

  static final int[] THRESHOLDS = {80, 100};
  static final int MAX_LISTED = 200;

  private final UsageAlertRepository repository;
  private final AlertWebhookSender sender;
  private final AlertMailSender mail;
  private final Clock clock;

  UsageAlertService(UsageAlertRepository repository, AlertWebhookSender sender, AlertMailSender mail, Clock clock) {
    this.repository = repository;
    this.sender = sender;
    this.mail = mail;
    this.clock = clock;
  }

  /** Raises the alerts {@code used} has reached this period that were not raised before. */
  public void raiseIfCrossed(UUID tenantId, YearMonth period, long used, long included) {
    if (included <= 0) {
      return;
    }
    for (int threshold : THRESHOLDS) {
      // integer form of used / included >= threshold %
      if (used * 100 >= included * threshold) {
        UsageAlert alert = new UsageAlert(UUID.randomUUID(), tenantId, period.toString(), threshold, used, included,
            clock.instant(), status(sender.configured()), 0, null, null, status(mail.configured()), 0, null, null);
        if (repository.insertOnce(alert)) {
          sender.deliver(alert);
          mail.deliver(alert);
        }
      }
    }
  }

  private static String status(boolean configured) {
    return configured ? "pending" : "not_configured";
  }

  public List<UsageAlert> list(UUID tenantId) {
    return repository.byTenant(tenantId, MAX_LISTED);
  }
}
