package dev.flowgate.portal.routing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RouteRepository extends JpaRepository<Route, UUID> {

  Page<Route> findAllByTenantId(UUID tenantId, Pageable pageable);

  Page<Route> findAllByTenantIdAndNameContainingIgnoreCase(UUID tenantId, String name, Pageable pageable);

  Optional<Route> findByIdAndTenantId(UUID id, UUID tenantId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Route> findWithLockByIdAndTenantId(UUID id, UUID tenantId);

  boolean existsByTenantIdAndName(UUID tenantId, String name);

  boolean existsByTenantIdAndServiceId(UUID tenantId, UUID serviceId);

  boolean existsByIdAndTenantId(UUID id, UUID tenantId);

  /** Whether an api_route workflow trigger names the route (its snapshot policy comes from that trigger). */
  @Query(value = "select count(*) > 0 from workflow_triggers where tenant_id = :tenantId and route_id = :routeId and type = 'api_route'",
      nativeQuery = true)
  boolean triggersAWorkflow(@Param("tenantId") UUID tenantId, @Param("routeId") UUID routeId);
}
