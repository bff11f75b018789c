package dev.flowgate.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;

/** The billing team's drill-down of one tenant: plan, running bill, invoices with their state, credits. */
public final class TenantBillingPage {

  private final Page page;
  private final Locator title;
  private final Locator invoices;

  public TenantBillingPage(Page page) {
    this.page = page;
    this.title = page.locator("#billing-tenant-title");
    this.invoices = page.locator("#billing-tenant-invoices");
  }

  public TenantBillingPage open(String tenantId) {
    page.navigate("/billing-team/tenants/" + tenantId);
    title.waitFor();
    invoices.waitFor();
    return this;
  }

  /** The state badge of the tenant's invoice numbered {@code number} ({@code open}, {@code paid}, ...). */
  public Locator invoiceState(String state) {
    return invoices.locator("[data-status='" + state + "']");
  }

  /** Reloads until the invoice list shows a badge in {@code state}: the screen is not pushed to. */
  public TenantBillingPage waitForInvoiceState(String state, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (invoiceState(state).count() == 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no invoice in state " + state + " within " + within + "; the list reads: "
            + invoices.innerText());
      }
      page.waitForTimeout(500);
      page.reload();
      invoices.waitFor();
      page.waitForTimeout(300);
    }
    return this;
  }
}
