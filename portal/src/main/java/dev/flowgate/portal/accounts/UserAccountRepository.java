package dev.flowgate.portal.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

  @Query("select u from UserAccount u where lower(u.email) = lower(?1)")
  Optional<UserAccount> findByEmailIgnoreCase(String email);

  Page<UserAccount> findAllByTenantId(UUID tenantId, Pageable pageable);

  Optional<UserAccount> findByIdAndTenantId(UUID id, UUID tenantId);

  long countByTenantIdAndRole(UUID tenantId, String role);

  long countByTenantIdAndRoleAndDisabledAtIsNull(UUID tenantId, String role);

  boolean existsByIdAndDisabledAtIsNotNull(UUID id);

  List<UserAccount> findAllByTenantIdAndRoleInAndDisabledAtIsNull(UUID tenantId, Collection<String> roles);

  @Query("select count(u) > 0 from UserAccount u where lower(u.email) = lower(?1)")
  boolean existsByEmailIgnoreCase(String email);
}
