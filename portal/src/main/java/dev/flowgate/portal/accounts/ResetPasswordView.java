package dev.flowgate.portal.accounts;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.TenantSuspendedException;
import dev.flowgate.portal.base.ui.ColorSchemes;

/** Where a mailed reset link lands ({@code /reset-password/{token}}): choose a new password, then log in. */
@Route("reset-password")
@PageTitle("Choose a new password · Flowgate")
@AnonymousAllowed
public class ResetPasswordView extends Main implements HasUrlParameter<String> {

  final PasswordField password = new PasswordField("New password");
  final Button save = new Button("Set password");
  final Paragraph status = new Paragraph();
  private final PasswordResetRequests resets;
  private String token = "";

  public ResetPasswordView(PasswordResetRequests resets) {
    this.resets = resets;
    addClassName("flowgate-auth");
    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    password.setId("reset-password");
    password.setHelperText("At least " + PasswordResets.MIN_PASSWORD + " characters");
    password.setRequired(true);
    password.setAutofocus(true);
    password.setWidthFull();
    save.setId("reset-submit");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    save.addClickListener(e -> reset());
    save.setWidthFull();
    status.setId("reset-status");
    status.getElement().setAttribute("aria-live", "polite");

    Div card = new Div(new H2("Choose a new password"), password, save, status);
    card.addClassName("flowgate-auth-card");
    add(brand, card);
    addAttachListener(e -> ColorSchemes.apply(e.getUI()));
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    token = parameter;
  }

  void reset() {
    try {
      resets.reset(token, password.getValue());
      password.setInvalid(false);
      password.clear();
      password.setEnabled(false);
      save.setEnabled(false);
      status.setText("Your password is changed. ");
      status.add(new Anchor("login", "Log in"));
    } catch (InvalidInputException e) {
      password.setInvalid(true);
      password.setErrorMessage("Use " + PasswordResets.MIN_PASSWORD + " to " + PasswordResets.MAX_PASSWORD + " characters");
    } catch (TenantSuspendedException e) {
      status.setText("Your organization is suspended, so its passwords cannot change now; ask the platform admin.");
    } catch (NotFoundException e) {
      status.removeAll();
      status.setText("This reset link is unknown, used or expired. ");
      status.add(new Anchor("forgot-password", "Ask for a new one"));
    }
  }

  void token(String value) {
    token = value;
  }
}
