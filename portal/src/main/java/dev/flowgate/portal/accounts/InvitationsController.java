package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.TenantPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invite a teammate (owner and admin, see Roles; mailed when SMTP is configured, else the link is in
 * the answer) and accept an invitation (public: the link is the credential).
 */
@RestController
class InvitationsController {

  private final Invitations invitations;
  private final InvitationDelivery delivery;

  InvitationsController(Invitations invitations, InvitationDelivery delivery) {
    this.invitations = invitations;
    this.delivery = delivery;
  }

  record InvitationRequest(@Nullable String email, @Nullable String role) {}

  record AcceptRequest(@Nullable String token, @Nullable String password) {

    /** Neither the invitation token nor the password: Spring MVC logs request bodies by toString at DEBUG. */
    @Override
    public String toString() {
      return "AcceptRequest[token=[PROTECTED], password=[PROTECTED]]";
    }
  }

  @PostMapping("/api/v1/members/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  InvitationDelivery.Invitation invite(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestBody InvitationRequest request) {
    return delivery.invite(principal.actor(), request.email(), request.role());
  }

  @PostMapping("/api/v1/invitations/accept")
  @ResponseStatus(HttpStatus.CREATED)
  MemberView accept(@RequestBody AcceptRequest request) {
    return invitations.accept(request.token(), request.password());
  }
}
