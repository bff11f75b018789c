package dev.flowgate.billing.invoices;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tax rates in basis points: the tenant's own rate, else its plan's, else none. */
@Component
public class TaxRates {

  /** A rate and the label its invoice line carries ("VAT", "Sales tax"). */
  public record TaxRate(int rateBasisPoints, String label) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaxRates(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<TaxRate> forTenant(UUID tenantId, String planCode) {
    List<TaxRate> own = jdbc.query("SELECT rate_bp, label FROM billing.tenant_tax_rates WHERE tenant_id = ?",
        (rs, n) -> new TaxRate(rs.getInt("rate_bp"), rs.getString("label")), tenantId);
    if (!own.isEmpty()) {
      return Optional.of(own.getFirst());
    }
    return jdbc.query("SELECT tax_rate_bp FROM billing.plans WHERE code = ? AND tax_rate_bp IS NOT NULL",
        (rs, n) -> new TaxRate(rs.getInt(1), "Tax"), planCode).stream().findFirst();
  }

  Optional<TaxRate> own(UUID tenantId) {
    return jdbc.query("SELECT rate_bp, label FROM billing.tenant_tax_rates WHERE tenant_id = ?",
        (rs, n) -> new TaxRate(rs.getInt("rate_bp"), rs.getString("label")), tenantId).stream().findFirst();
  }

  void set(UUID tenantId, TaxRate rate) {
    jdbc.update(
        """
        INSERT INTO billing.tenant_tax_rates (tenant_id, rate_bp, label, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (tenant_id) DO UPDATE SET rate_bp = excluded.rate_bp, label = excluded.label,
            updated_at = excluded.updated_at
        """,
        tenantId, rate.rateBasisPoints(), rate.label(), clock.instant().atOffset(ZoneOffset.UTC));
  }

  void remove(UUID tenantId) {
    jdbc.update("DELETE FROM billing.tenant_tax_rates WHERE tenant_id = ?", tenantId);
  }
}
