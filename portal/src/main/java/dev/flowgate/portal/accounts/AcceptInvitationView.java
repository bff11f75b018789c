package dev.flowgate.portal.accounts;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;

/** Where an invitation link lands: choose a password, join the tenant, then log in. */
@Route("invite")
@PageTitle("Join your team · Flowgate")
@AnonymousAllowed
public class AcceptInvitationView extends Main implements HasUrlParameter<String> {

  final PasswordField password = new PasswordField("Choose a password");
  final Button join = new Button("Join");
  final Paragraph status = new Paragraph();
  private final Invitations invitations;
  private String token = "";

  public AcceptInvitationView(Invitations invitations) {
    this.invitations = invitations;
    addClassNames("flowgate-page");
    password.setId("invite-password");
    password.setHelperText("At least 12 characters");
    password.setRequired(true);
    join.setId("invite-accept");
    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    join.addClickShortcut(Key.ENTER);
    join.addClickListener(e -> accept());
    status.setId("invite-status");
    status.getElement().setAttribute("aria-live", "polite");
    add(new H1("Join your team on Flowgate"), password, join, status);
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    token = parameter;
  }

  void accept() {
    try {
      MemberView member = invitations.accept(token, password.getValue());
      password.setInvalid(false);
      password.setEnabled(false);
      join.setEnabled(false);
      status.setText("Welcome, " + member.email() + " (" + member.role() + "). ");
      status.add(new Anchor("login", "Log in"));
    } catch (InvalidInputException e) {
      password.setInvalid(true);
      password.setErrorMessage("Use 12 to 256 characters");
    } catch (NotFoundException | ConflictException e) {
      status.setText("This invitation link is unknown, used or expired; ask for a new one.");
    }
  }

  void token(String value) {
    token = value;
  }
}
