package dev.flowgate.billing.invoices;

import dev.flowgate.billing.plans.BillingPeriod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Invoices and their line items. */
@Repository
class InvoiceRepository {

  static final String COLUMNS =
      """
      id, tenant_id, number, period_start, period_end, plan_code, calls, status, currency, subtotal_minor,
      total_minor, stripe_invoice_id, finalized_at, paid_at
      """;

  private final JdbcTemplate jdbc;

  InvoiceRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises finalisation of one tenant's month across threads and instances until the
   * transaction ends.
   */
  void lockTenantPeriod(UUID tenantId, BillingPeriod period) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('flowgate.invoice'), hashtext(?))",
        "%s/%s".formatted(tenantId, period.month()));
  }

  boolean exists(UUID tenantId, BillingPeriod period) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT exists(SELECT 1 FROM billing.invoices WHERE tenant_id = ? AND period_start = ?)",
        Boolean.class, tenantId, utc(period.start())));
  }

  String nextNumber(BillingPeriod period) {
    Long sequence = jdbc.queryForObject("SELECT nextval('billing.invoice_number_seq')", Long.class);
    return "FG-%d%02d-%06d".formatted(period.month().getYear(), period.month().getMonthValue(), sequence);
  }

  /** Inserts the invoice and its lines unless the tenant already has one for the period. */
  boolean insert(Invoice invoice, boolean stripeSyncPending) {
    int inserted = jdbc.update(
        """
        INSERT INTO billing.invoices (id, tenant_id, number, period_start, period_end, plan_code, calls, status,
            currency, subtotal_minor, total_minor, stripe_sync_pending, finalized_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, period_start) DO NOTHING
        """,
        invoice.id(), invoice.tenantId(), invoice.number(), utc(invoice.periodStart()), utc(invoice.periodEnd()),
        invoice.planCode(), invoice.calls(), invoice.status().wire(), invoice.currency(), invoice.subtotalMinor(),
        invoice.totalMinor(), stripeSyncPending, utc(invoice.finalizedAt()));
    if (inserted == 0) {
      return false;
    }
    List<LineItem> lines = invoice.lineItems() == null ? List.of() : invoice.lineItems();
    for (int i = 0; i < lines.size(); i++) {
      LineItem line = lines.get(i);
      jdbc.update(
          """
          INSERT INTO billing.invoice_line_items (invoice_id, position, kind, description, quantity, unit_amount_minor, amount_minor)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
          invoice.id(), i, line.kind().wire(), line.description(), line.quantity(), line.unitAmountMinor(), line.amountMinor());
    }
    return true;
  }

  Optional<Invoice> find(UUID tenantId, UUID invoiceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM billing.invoices WHERE tenant_id = ? AND id = ?",
            InvoiceRepository::invoice, tenantId, invoiceId)
        .stream().findFirst().map(i -> withLines(i));
  }

  Optional<Invoice> findByStripeInvoiceId(String stripeInvoiceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM billing.invoices WHERE stripe_invoice_id = ?",
        InvoiceRepository::invoice, stripeInvoiceId).stream().findFirst();
  }

  Optional<Invoice> findById(UUID invoiceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM billing.invoices WHERE id = ?",
        InvoiceRepository::invoice, invoiceId).stream().findFirst();
  }

  List<Invoice> page(UUID tenantId, int page, int size) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM billing.invoices WHERE tenant_id = ? ORDER BY period_start DESC LIMIT ? OFFSET ?",
        InvoiceRepository::invoice, tenantId, size, (long) page * size);
  }

  long count(UUID tenantId) {
    Long total = jdbc.queryForObject("SELECT count(*) FROM billing.invoices WHERE tenant_id = ?", Long.class, tenantId);
    return total == null ? 0 : total;
  }

  /** Locks a still-unsynced invoice for pushing; empty when it is synced or another pusher holds it. */
  Optional<Invoice> lockPendingStripeSync(UUID invoiceId) {
    return jdbc.query(
            "SELECT " + COLUMNS + " FROM billing.invoices WHERE id = ? AND stripe_sync_pending FOR UPDATE SKIP LOCKED",
            InvoiceRepository::invoice, invoiceId)
        .stream().findFirst().map(this::withLines);
  }

  /** Invoices waiting for Stripe whose next attempt is due, oldest first. */
  List<UUID> pendingStripeSync(Instant now, int limit) {
    return jdbc.queryForList(
        """
        SELECT id FROM billing.invoices
        WHERE stripe_sync_pending AND (stripe_next_attempt_at IS NULL OR stripe_next_attempt_at <= ?)
        ORDER BY finalized_at LIMIT ?
        """,
        UUID.class, utc(now), limit);
  }

  long countPendingStripeSync() {
    Long count = jdbc.queryForObject("SELECT count(*) FROM billing.invoices WHERE stripe_sync_pending", Long.class);
    return count == null ? 0 : count;
  }

  void markStripeSynced(UUID invoiceId, String stripeCustomerId, String stripeInvoiceId) {
    jdbc.update(
        """
        UPDATE billing.invoices SET stripe_sync_pending = false, stripe_sync_attempts = stripe_sync_attempts + 1,
            stripe_sync_error = NULL, stripe_next_attempt_at = NULL, stripe_customer_id = ?, stripe_invoice_id = ?
        WHERE id = ?
        """,
        stripeCustomerId, stripeInvoiceId, invoiceId);
  }

  /** Counts the failed attempt and returns how many there have been. */
  int markStripeSyncFailed(UUID invoiceId, String error) {
    Integer attempts = jdbc.queryForObject(
        """
        UPDATE billing.invoices SET stripe_sync_attempts = stripe_sync_attempts + 1, stripe_sync_error = ?
        WHERE id = ? RETURNING stripe_sync_attempts
        """,
        Integer.class, error, invoiceId);
    return attempts == null ? 0 : attempts;
  }

  void nextStripeAttempt(UUID invoiceId, Instant at) {
    jdbc.update("UPDATE billing.invoices SET stripe_next_attempt_at = ? WHERE id = ?", utc(at), invoiceId);
  }

  /** Moves the invoice to {@code next} if it is still in {@code expected}; false when it moved meanwhile. */
  boolean updateStatus(UUID invoiceId, InvoiceStatus expected, InvoiceStatus next, @Nullable Instant paidAt) {
    return jdbc.update(
        "UPDATE billing.invoices SET status = ?, paid_at = coalesce(?::timestamptz, paid_at) WHERE id = ? AND status = ?",
        next.wire(), utc(paidAt), invoiceId, expected.wire()) == 1;
  }

  private Invoice withLines(Invoice invoice) {
    List<LineItem> lines = jdbc.query(
        """
        SELECT kind, description, quantity, unit_amount_minor, amount_minor
        FROM billing.invoice_line_items WHERE invoice_id = ? ORDER BY position
        """,
        (rs, n) -> new LineItem(LineItem.Kind.fromWire(rs.getString("kind")), rs.getString("description"),
            rs.getLong("quantity"), rs.getLong("unit_amount_minor"), rs.getLong("amount_minor")),
        invoice.id());
    return new Invoice(invoice.id(), invoice.tenantId(), invoice.number(), invoice.periodStart(), invoice.periodEnd(),
        invoice.planCode(), invoice.calls(), invoice.status(), invoice.currency(), invoice.subtotalMinor(),
        invoice.totalMinor(), lines, invoice.stripeInvoiceId(), invoice.finalizedAt(), invoice.paidAt());
  }

  static Invoice invoice(ResultSet rs, int rowNum) throws SQLException {
    return new Invoice(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("number"),
        instant(rs, "period_start"),
        instant(rs, "period_end"),
        rs.getString("plan_code"),
        rs.getLong("calls"),
        InvoiceStatus.fromWire(rs.getString("status")),
        rs.getString("currency"),
        rs.getLong("subtotal_minor"),
        rs.getLong("total_minor"),
        null,
        rs.getString("stripe_invoice_id"),
        instant(rs, "finalized_at"),
        instant(rs, "paid_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
