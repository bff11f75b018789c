package dev.flowgate.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The portal's audit records as its database holds them: what is written, and what still waits in
 * {@code audit_outbox} for Kafka to acknowledge it. Read in the platform scope (row-level security
 * shows nothing otherwise), from the database the platform uses ({@code FLOWGATE_DB_URL}).
 */
final class PortalAuditOutbox {

  private final String url = Env.or("FLOWGATE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/flowgate");
  private final Properties login = new Properties();

  PortalAuditOutbox() {
    login.setProperty("user", Env.or("FLOWGATE_DB_USER", "flowgate"));
    login.setProperty("password", Env.or("FLOWGATE_DB_PASSWORD", ""));
    login.setProperty("options", "-c flowgate.platform=on");
  }

  /** Audit records of the API key of that name being created. */
  long written(String keyName) {
    return count("select count(*) from portal.audit_logs a where a.action = 'api_key.created' and a.after->>'name' = ?",
        keyName);
  }

  /** Those of them not yet acknowledged by Kafka. */
  long waitingForKafka(String keyName) {
    return count("""
        select count(*) from portal.audit_logs a join portal.audit_outbox o on o.audit_id = a.id
        where a.action = 'api_key.created' and a.after->>'name' = ?""", keyName);
  }

  private long count(String sql, String parameter) {
    try (Connection connection = DriverManager.getConnection(url, login);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the portal's schema at " + url + ": " + e.getMessage(), e);
    }
  }
}
