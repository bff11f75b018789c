package dev.flowgate.portal.routing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface RouteRepository extends JpaRepository<Route, UUID> {

  Page<Route> findAllByTenantId(UUID tenantId, Pageable pageable);

  Page<Route> findAllByTenantIdAndNameContainingIgnoreCase(UUID tenantId, String name, Pageable pageable);

  Optional<Route> findByIdAndTenantId(UUID id, UUID tenantId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Route> findWithLockByIdAndTenantId(UUID id, UUID tenantId);

  boolean existsByTenantIdAndName(UUID tenantId, String name);

  boolean existsByTenantIdAndServiceId(UUID tenantId, UUID serviceId);

  boolean existsByIdAndTenantId(UUID id, UUID tenantId);
}
