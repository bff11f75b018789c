package dev.flowgate.portal.routing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface RouteRepository extends JpaRepository<Route, UUID> {

  Page<Route> findAllByTenantId(UUID tenantId, Pageable pageable);

  Optional<Route> findByIdAndTenantId(UUID id, UUID tenantId);

  boolean existsByTenantIdAndName(UUID tenantId, String name);

  boolean existsByTenantIdAndServiceId(UUID tenantId, UUID serviceId);

  boolean existsByIdAndTenantId(UUID id, UUID tenantId);
}
