package dev.flowgate.portal.controlplane;

import dev.flowgate.contracts.config.ConfigInvalidated;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a configuration change: bumps the snapshot version in the caller's transaction and,
 * once that commits, tells the gateways (see {@link InvalidationPublisher}).
 */
@Component
public class ConfigChanges {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ConfigChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * @param resourceType {@code service}, {@code route}, {@code api_key} or {@code tenant}
   * @param change {@code created}, {@code updated}, {@code deleted}, {@code rotated}, {@code revoked}
   * @return the new configuration version
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long changed(UUID tenantId, String resourceType, UUID resourceId, String change) {
    long version = jdbc.sql("update config_version set version = version + 1 where id = 1 returning version")
        .query(Long.class)
        .single();
    events.publishEvent(new ConfigInvalidated(tenantId, resourceType, resourceId.toString(), change, version));
    return version;
  }

  /** The current snapshot version. */
  @Transactional(readOnly = true)
  public long currentVersion() {
    return jdbc.sql("select version from config_version where id = 1").query(Long.class).single();
  }
}
