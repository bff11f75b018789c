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
 * Starts every transaction of a tenant's caller with {@code flowgate.tenant_id} set (transaction
 * local), which the row-level security policies of V5 enforce: the database's backstop to the
 * tenant filter in every query. JPA and JdbcClient share the transaction's connection.
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
    if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal
        && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
      try (PreparedStatement statement = holder.getConnection()
          .prepareStatement("select set_config('flowgate.tenant_id', ?, true)")) {
        statement.setString(1, principal.actor().tenantId().toString());
        statement.execute();
      } catch (SQLException e) {
        throw new TransactionSystemException("could not scope the transaction to the tenant", e);
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
