package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.mail.PortalMailer;
import dev.flowgate.portal.base.security.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Invites (the invitation is committed first) and then mails the link when an SMTP server is
 * configured. Only a mailed link stays out of the answer; without mail, or when the mail failed,
 * the answer holds the link for the inviter to pass on and says why, so no invitation is lost.
 */
@Service
public class InvitationDelivery {

  private static final Logger log = LoggerFactory.getLogger(InvitationDelivery.class);

  private final Invitations invitations;
  private final PortalMailer mailer;

  InvitationDelivery(Invitations invitations, PortalMailer mailer) {
    this.invitations = invitations;
    this.mailer = mailer;
  }

  /**
   * The invitation as answered to the inviter.
   *
   * @param mail {@code sent}, {@code failed} or {@code not_configured}
   * @param mailError why the mail failed, when it did
   * @param token the link's token, only when the link was not mailed
   * @param link the link, only when it was not mailed
   */
  public record Invitation(UUID id, String email, String role, Instant expiresAt, String mail,
      @Nullable String mailError, @Nullable String token, @Nullable String link) {

    /** Without the token (the link holds it too): Spring MVC logs response bodies by toString at DEBUG. */
    @Override
    public String toString() {
      return "Invitation[id=" + id + ", email=" + email + ", role=" + role + ", mail=" + mail + "]";
    }

    public boolean mailed() {
      return mail.equals("sent");
    }
  }

  public Invitation invite(Actor actor, @Nullable String email, @Nullable String role) {
    Invitations.Invited invited = invitations.invite(actor, email, role);
    if (!mailer.configured()) {
      return answer(invited, "not_configured", null);
    }
    try {
      mailer.send(invited.email(), "You are invited to Flowgate", body(invited),
          Map.of("Flowgate-Event", "member.invited", "Flowgate-Invitation-Id", invited.id().toString()));
      return answer(invited, "sent", null);
    } catch (PortalMailer.MailFailedException e) {
      log.warn("Invitation {} of tenant {} could not be mailed; its link is shown to the inviter: {}",
          invited.id(), actor.tenantId(), e.getMessage());
      return answer(invited, "failed", e.getMessage());
    }
  }

  private static Invitation answer(Invitations.Invited invited, String mail, @Nullable String error) {
    boolean mailed = mail.equals("sent");
    return new Invitation(invited.id(), invited.email(), invited.role(), invited.expiresAt(), mail, error,
        mailed ? null : invited.token(), mailed ? null : invited.link());
  }

  private static String body(Invitations.Invited invited) {
    return """
        You have been invited to join a team on Flowgate as %s.

        Choose your password and join here (the link works once, until %s):

        %s

        If you did not expect this, ignore this mail.
        """.formatted(invited.role(), invited.expiresAt(), invited.link());
  }
}
