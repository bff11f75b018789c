package dev.flowgate.portal.base.security;

import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scopes every transaction for row-level security (V5, closed by default since V11) as it
 * begins: a tenant's caller gets {@code flowgate.tenant_id}, platform work (an explicit
 * {@link PlatformScope}, a platform operator, the internal token) gets {@code flowgate.platform},
 * anything else neither and so sees no tenant's rows. Both settings are transaction local; JPA and
 * JdbcClient share the transaction's connection.
 */
class TenantScopedTransactionManager extends JpaTransactionManager {

  private final DataSource dataSource;

  TenantScopedTransactionManager(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
    super(entityManagerFactory);
    this.dataSource = dataSource;
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    super.doBegin(transaction, definition);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Object principal = authentication == null ? null : authentication.getPrincipal();
    if (PlatformScope.requested(definition)) {
      set("flowgate.platform", "on");
    } else if (principal instanceof TenantPrincipal tenant) {
      set("flowgate.tenant_id", tenant.actor().tenantId().toString());
    } else if (principal instanceof PlatformPrincipal || principal instanceof InternalCaller) {
      set("flowgate.platform", "on");
    }
  }

  private void set(String setting, String value) {
    if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
      try (PreparedStatement statement = holder.getConnection().prepareStatement("select set_config(?, ?, true)")) {
        statement.setString(1, setting);
        statement.setString(2, value);
        statement.execute();
      } catch (SQLException e) {
        throw new TransactionSystemException("could not scope the transaction for row-level security", e);
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Setup {

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
      return new TenantScopedTransactionManager(entityManagerFactory, dataSource);
    }
  }
}
