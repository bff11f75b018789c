package dev.flowgate.billing.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV exports read through a PostgreSQL cursor (a fetch size inside a read-only transaction), so
 * each row is written as it arrives and no export is ever held in memory whole.
 */
@Component
class CsvExports {

  /** One export: its count query, its row query and the CSV header (the row query's columns). */
  enum Export {
    USAGE(
        "SELECT count(*) FROM billing.usage_daily WHERE bucket_start >= ? AND bucket_start < ?",
        """
        SELECT to_char(bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, tenant_id, key_id, route_id, calls,
               errors, server_errors, request_bytes, response_bytes, latency_max_ms
        FROM billing.usage_daily WHERE bucket_start >= ? AND bucket_start < ?
        ORDER BY bucket_start, tenant_id, key_id NULLS FIRST, route_id NULLS FIRST
        """),
    INVOICES(
        "SELECT count(*) FROM billing.invoices WHERE period_start >= ? AND period_start < ?",
        """
        SELECT number, id, tenant_id, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM') AS period, plan_code, calls,
               status, currency, subtotal_minor, total_minor, finalized_at, paid_at, stripe_invoice_id
        FROM billing.invoices WHERE period_start >= ? AND period_start < ?
        ORDER BY period_start, number
        """);

    private final String count;
    private final String rows;

    Export(String count, String rows) {
      this.count = count;
      this.rows = rows;
    }
  }

  static final int FETCH_SIZE = 1_000;

  private final JdbcTemplate jdbc;
  private final JdbcTemplate cursor;
  private final TransactionTemplate readOnly;

  CsvExports(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
    this.readOnly.setReadOnly(true);
  }

  /** Rows in the export of days {@code [from, to]}. */
  long count(Export export, LocalDate from, LocalDate to) {
    Long total = jdbc.queryForObject(export.count, Long.class, start(from), start(to.plusDays(1)));
    return total == null ? 0 : total;
  }

  /** Writes the header and then each row as the cursor yields it. */
  void write(Export export, LocalDate from, LocalDate to, Writer out) throws IOException {
    header(export, out);
    readOnly.executeWithoutResult(status -> cursor.query(export.rows, (ResultSet rs) -> {
      try {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (i > 1) {
            out.write(',');
          }
          out.write(cell(rs.getObject(i)));
        }
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException("export aborted by the client", e);
      }
    }, start(from), start(to.plusDays(1))));
  }

  /** The header line: the row query's column labels, in order. */
  static void header(Export export, Writer out) throws IOException {
    out.write(switch (export) {
      case USAGE -> "day,tenant_id,key_id,route_id,calls,errors,server_errors,request_bytes,response_bytes,latency_max_ms";
      case INVOICES -> "number,id,tenant_id,period,plan_code,calls,status,currency,subtotal_minor,total_minor,"
          + "finalized_at,paid_at,stripe_invoice_id";
    });
    out.write("\r\n");
  }

  /** RFC 4180: quote a field holding a comma, quote or line break; timestamps as ISO instants. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof java.sql.Timestamp ts ? ts.toInstant().toString()
        : value instanceof OffsetDateTime odt ? odt.toInstant().toString() : value.toString();
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
