package dev.flowgate.billing.invoices;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Invoices across tenants, for the billing team: filtered by status and period, paged. */
@Repository
class InvoiceSearch {

  private final JdbcTemplate jdbc;

  InvoiceSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every tenant's invoices, optionally of one status and period, newest period first. */
  List<Invoice> pageAll(@Nullable InvoiceStatus status, @Nullable Instant periodStart, int page, int size) {
    return jdbc.query("SELECT " + InvoiceRepository.COLUMNS + " FROM billing.invoices" + FILTER
            + " ORDER BY period_start DESC, number DESC LIMIT ? OFFSET ?",
        InvoiceRepository::invoice, filterArgs(status, periodStart, size, (long) page * size));
  }

  long countAll(@Nullable InvoiceStatus status, @Nullable Instant periodStart) {
    Long total = jdbc.queryForObject("SELECT count(*) FROM billing.invoices" + FILTER, Long.class,
        filterArgs(status, periodStart));
    return total == null ? 0 : total;
  }

  private static final String FILTER =
      " WHERE (?::text IS NULL OR status = ?::text) AND (?::timestamptz IS NULL OR period_start = ?::timestamptz)";

  private static Object[] filterArgs(@Nullable InvoiceStatus status, @Nullable Instant periodStart, Object... more) {
    String wire = status == null ? null : status.wire();
    Object[] args = new Object[4 + more.length];
    args[0] = wire;
    args[1] = wire;
    args[2] = InvoiceRepository.utc(periodStart);
    args[3] = InvoiceRepository.utc(periodStart);
    System.arraycopy(more, 0, args, 4, more.length);
    return args;
  }
}
