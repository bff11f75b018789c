package dev.flowgate.portal.billingteam;

import dev.flowgate.portal.base.security.PlatformPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/billing/team}: a platform admin grants billing-team (platform-admin only, see Roles). */
@RestController
class BillingTeamMembersController {

  private final BillingTeamMembers members;

  BillingTeamMembersController(BillingTeamMembers members) {
    this.members = members;
  }

  @PostMapping("/api/v1/admin/billing/team")
  @ResponseStatus(HttpStatus.CREATED)
  BillingTeamMembers.Member grant(@AuthenticationPrincipal PlatformPrincipal admin, @RequestBody BillingTeamMembers.Grant grant) {
    return members.grant(admin, grant);
  }
}
