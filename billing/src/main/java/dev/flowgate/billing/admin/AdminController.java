package dev.flowgate.billing.admin;

import dev.flowgate.billing.invoices.InvoiceFinalizer;
import dev.flowgate.billing.invoices.InvoiceService;
import dev.flowgate.billing.invoices.InvoiceStatus;
import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The billing team's cross-tenant endpoints (internal token checked by a filter). */
@RestController
class AdminController {

  static final int MAX_MONTHS = 60;

  /** Body of a finalisation run: the month (default: the previous one) and optionally one tenant. */
  record Finalization(@Nullable String period, @Nullable UUID tenantId) {}

  private final AdminService admin;
  private final InvoiceService invoices;
  private final InvoiceFinalizer finalizer;
  private final Clock clock;

  AdminController(AdminService admin, InvoiceService invoices, InvoiceFinalizer finalizer, Clock clock) {
    this.admin = admin;
    this.invoices = invoices;
    this.finalizer = finalizer;
    this.clock = clock;
  }

  /**
   * Runs the monthly finalisation now, as the scheduled job does (idempotent: a tenant's month
   * already invoiced stays as it is); for an operator re-running a month after a failure.
   */
  @PostMapping("/internal/v1/admin/invoices/finalize")
  InvoiceFinalizer.Result finalizeMonth(@RequestBody Finalization request) {
    YearMonth current = BillingPeriod.month(clock.instant());
    YearMonth month = request.period() == null || request.period().isBlank() ? current.minusMonths(1)
        : month(request.period());
    if (!month.isBefore(current)) {
      throw new InvalidRequestException(List.of(new FieldProblem("period", "must be a month that is over")));
    }
    return request.tenantId() == null ? finalizer.finalizeMonth(month) : finalizer.finalizeMonth(month, request.tenantId());
  }

  @GetMapping("/internal/v1/admin/revenue")
  AdminViews.Revenue revenue(@RequestParam(required = false) @Nullable Integer months) {
    int n = months == null ? 12 : months;
    if (n < 1 || n > MAX_MONTHS) {
      throw new InvalidRequestException(List.of(new FieldProblem("months", "must be between 1 and " + MAX_MONTHS)));
    }
    return admin.revenue(n);
  }

  @GetMapping("/internal/v1/admin/usage")
  AdminViews.Usage usage(@RequestParam(required = false) @Nullable String period) {
    YearMonth month = period == null || period.isBlank() ? BillingPeriod.month(clock.instant()) : month(period);
    return admin.usage(month);
  }

  @GetMapping("/internal/v1/admin/invoices")
  InvoiceService.InvoicePage invoices(
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    InvoiceStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = InvoiceStatus.fromWire(status.trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(List.of(new FieldProblem("status",
            "must be one of draft, open, paid, payment_failed, void")));
      }
    }
    BillingPeriod of = period == null || period.isBlank() ? null : BillingPeriod.of(month(period));
    return invoices.pageAll(wanted, of, page, size);
  }

  static YearMonth month(String period) {
    try {
      return YearMonth.parse(period.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(List.of(new FieldProblem("period", "must be yyyy-MM")));
    }
  }
}
