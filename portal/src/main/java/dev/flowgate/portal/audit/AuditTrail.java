package dev.flowgate.portal.audit;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.audit.AuditRecorded;
import dev.flowgate.portal.base.problems.TenantSuspendedException;
import dev.flowgate.portal.base.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Writes an append-only audit row in the caller's transaction, and lists it in the outbox that
 * {@link AuditOutboxRelay} sends to Kafka {@code audit.logs} once the transaction commits. Every
 * change a tenant's user makes is recorded here, so this is also where a suspended tenant's
 * changes are refused (the transaction rolls back), whether they come through the API or the UI.
 */
@Component
public class AuditTrail {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param before the resource's public view before the change (never secrets); null on create
   * @param after the public view after the change; null on delete
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Actor actor, String action, String resourceType, @Nullable Object resourceId,
      @Nullable Object before, @Nullable Object after) {
    if (actor.type().equals("user") || actor.type().equals("token")) {
      refuseWhenSuspended(actor.tenantId());
    }
    Instant now = clock.instant();
    AuditRecorded record = new AuditRecorded(UUID.randomUUID(), actor.tenantId(), actor.id(), actor.type(), action,
        resourceType, resourceId == null ? null : resourceId.toString(), tree(before), tree(after), requestId(), now);
    jdbc.sql("""
            insert into audit_logs (id, tenant_id, actor_id, actor_type, action, resource_type, resource_id,
                                    before, after, request_id, occurred_at)
            values (:id, :tenantId, :actorId, :actorType, :action, :resourceType, :resourceId,
                    cast(:before as jsonb), cast(:after as jsonb), :requestId, :occurredAt)""")
        .param("id", record.auditId())
        .param("tenantId", record.tenantId())
        .param("actorId", record.actorId())
        .param("actorType", record.actorType())
        .param("action", record.action())
        .param("resourceType", record.resourceType())
        .param("resourceId", record.resourceId())
        .param("before", json(record.before()))
        .param("after", json(record.after()))
        .param("requestId", record.requestId())
        .param("occurredAt", Timestamp.from(now))
        .update();
    jdbc.sql("insert into audit_outbox (audit_id, tenant_id) values (?, ?)")
        .params(record.auditId(), record.tenantId())
        .update();
    events.publishEvent(record);
  }

  private void refuseWhenSuspended(UUID tenantId) {
    boolean suspended = jdbc.sql("select count(*) > 0 from tenants where id = ? and status = 'suspended'")
        .param(tenantId).query(Boolean.class).single();
    if (suspended) {
      throw new TenantSuspendedException();
    }
  }

  private static @Nullable JsonNode tree(@Nullable Object value) {
    return value == null ? null : EventCodec.mapper().valueToTree(value);
  }

  private static @Nullable String json(@Nullable JsonNode node) {
    return node == null ? null : EventCodec.toJson(node);
  }

  private static @Nullable String requestId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getHeader("X-Request-ID");
    }
    return null;
  }
}
