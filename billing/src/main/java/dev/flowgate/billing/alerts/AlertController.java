package dev.flowgate.billing.alerts;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/v1/tenants/{tenantId}/alerts}: the tenant's usage alerts, newest first. */
@RestController
class AlertController {

  /** The list, wrapped so fields can be added without breaking callers. */
  record AlertList(List<UsageAlert> items) {}

  private final UsageAlertService alerts;

  AlertController(UsageAlertService alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/internal/v1/tenants/{tenantId}/alerts")
  AlertList list(@PathVariable UUID tenantId) {
    return new AlertList(alerts.list(tenantId));
  }
}
