package dev.flowgate.billing.alerts;

import java.util.Locale;

/** The words of a usage-alert mail: plain text, one alert per mail. */
final class UsageAlertMail {

  private UsageAlertMail() {}

  static String subject(UsageAlert alert) {
    return "Flowgate usage alert: tenant " + alert.tenantId() + " reached " + alert.thresholdPercent()
        + "% of its included calls in " + alert.period();
  }

  static String body(UsageAlert alert) {
    return String.format(Locale.ROOT,
        """
        Tenant %s has used %,d of the %,d calls its plan includes in %s (UTC), which reaches the %d%% alert.
        %s

        Alert %s, raised at %s.
        """,
        alert.tenantId(), alert.usedCalls(), alert.includedCalls(), alert.period(), alert.thresholdPercent(),
        alert.thresholdPercent() >= 100
            ? "Further calls are billed as overage, or refused if the plan has a hard limit."
            : "Calls beyond the included amount will be billed as overage.",
        alert.id(), alert.createdAt());
  }
}
