package dev.flowgate.billing.admin;

import dev.flowgate.billing.invoices.Invoice;
import dev.flowgate.billing.invoices.InvoiceService;
import dev.flowgate.billing.plans.BillingPeriod;
import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanService;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Revenue and usage across tenants for the billing team. */
@Service
class AdminService {

  static final String DEFAULT_CURRENCY = "USD";

  private final AdminRepository repository;
  private final PlanService plans;
  private final InvoiceService invoices;
  private final Clock clock;

  AdminService(AdminRepository repository, PlanService plans, InvoiceService invoices, Clock clock) {
    this.repository = repository;
    this.plans = plans;
    this.invoices = invoices;
    this.clock = clock;
  }

  /** The last {@code months} months up to the current one, oldest first, one row per month and currency. */
  AdminViews.Revenue revenue(int months) {
    YearMonth current = BillingPeriod.month(clock.instant());
    YearMonth first = current.minusMonths(months - 1L);
    var from = BillingPeriod.of(first).start();
    var to = BillingPeriod.of(current).end();
    Map<String, AdminRepository.UsageSum> usage = repository.usageByMonth(from, to);
    List<AdminRepository.InvoiceSum> sums = repository.invoicesByMonth(from, to);
    List<AdminViews.RevenueMonth> rows = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
      String period = month.toString();
      AdminRepository.UsageSum used = usage.getOrDefault(period, new AdminRepository.UsageSum(0, 0, 0));
      List<AdminRepository.InvoiceSum> ofMonth = sums.stream().filter(s -> s.period().equals(period))
          .sorted(Comparator.comparing(AdminRepository.InvoiceSum::currency)).toList();
      if (ofMonth.isEmpty()) {
        rows.add(new AdminViews.RevenueMonth(period, used.tenants(), used.calls(), 0, 0, 0, DEFAULT_CURRENCY));
      }
      for (AdminRepository.InvoiceSum sum : ofMonth) {
        rows.add(new AdminViews.RevenueMonth(period, used.tenants(), used.calls(), sum.invoiced(), sum.paid(),
            sum.open(), sum.currency()));
      }
    }
    return new AdminViews.Revenue(rows, repository.invoicesByMonthAndPlan(from, to));
  }

  /** Every tenant with usage, a plan or an invoice in the month, by calls (most first). */
  AdminViews.Usage usage(YearMonth month) {
    BillingPeriod period = BillingPeriod.of(month);
    Map<UUID, AdminRepository.TenantInvoice> invoiced = repository.invoicesOfPeriod(period.start());
    List<AdminViews.UsageRow> rows = new ArrayList<>();
    repository.usageByTenant(period.start(), period.end()).forEach((tenant, used) -> {
      AdminRepository.TenantInvoice invoice = invoiced.get(tenant);
      Plan plan = plans.planAt(tenant, period.end().minusNanos(1).isAfter(clock.instant()) ? clock.instant()
          : period.end().minusNanos(1));
      if (invoice != null) {
        rows.add(new AdminViews.UsageRow(tenant, invoice.planCode(), used.calls(), used.errors(), plan.includedCalls(),
            invoice.totalMinor(), invoice.currency(), invoice.id(), invoice.status()));
      } else {
        Invoice draft = invoices.preview(tenant, period);
        rows.add(new AdminViews.UsageRow(tenant, draft.planCode(), used.calls(), used.errors(), plan.includedCalls(),
            draft.totalMinor(), draft.currency(), null, null));
      }
    });
    rows.sort(Comparator.comparingLong(AdminViews.UsageRow::calls).reversed()
        .thenComparing(AdminViews.UsageRow::tenantId));
    return new AdminViews.Usage(month.toString(), rows);
  }
}
