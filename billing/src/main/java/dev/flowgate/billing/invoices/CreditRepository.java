package dev.flowgate.billing.invoices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class CreditRepository {

  private final JdbcTemplate jdbc;

  CreditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(GrantedCredit credit) {
    jdbc.update(
        """
        INSERT INTO billing.credits (id, tenant_id, amount_minor, currency, reason, actor, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        credit.id(), credit.tenantId(), credit.amountMinor(), credit.currency(), credit.reason(), credit.actor(),
        credit.createdAt().atOffset(ZoneOffset.UTC));
  }

  List<GrantedCredit> byTenant(UUID tenantId) {
    return jdbc.query("SELECT * FROM billing.credits WHERE tenant_id = ? ORDER BY created_at DESC",
        CreditRepository::credit, tenantId);
  }

  /** Credits no invoice has used, granted before {@code before}, oldest first; locked when {@code lock}. */
  List<GrantedCredit> unapplied(UUID tenantId, Instant before, boolean lock) {
    return jdbc.query(
        "SELECT * FROM billing.credits WHERE tenant_id = ? AND invoice_id IS NULL AND created_at < ? ORDER BY created_at, id"
            + (lock ? " FOR UPDATE" : ""),
        CreditRepository::credit, tenantId, before.atOffset(ZoneOffset.UTC));
  }

  void apply(UUID creditId, UUID invoiceId, long appliedMinor) {
    jdbc.update("UPDATE billing.credits SET invoice_id = ?, applied_minor = ? WHERE id = ?", invoiceId, appliedMinor,
        creditId);
  }

  private static GrantedCredit credit(ResultSet rs, int row) throws SQLException {
    return new GrantedCredit(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
        rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("reason"), rs.getString("actor"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("invoice_id", UUID.class),
        rs.getObject("applied_minor", Long.class));
  }
}
