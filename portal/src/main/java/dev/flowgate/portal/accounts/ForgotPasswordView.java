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
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.TooManyRequestsException;
import dev.flowgate.portal.base.ui.ColorSchemes;
import org.jspecify.annotations.Nullable;

/** "Forgot password?" from the login form: asks for a reset link by mail, when the portal can mail. */
@Route("forgot-password")
@PageTitle("Reset your password · Flowgate")
@AnonymousAllowed
public class ForgotPasswordView extends Main {

  final EmailField email = new EmailField("Email");
  final Button send = new Button("Send reset link");
  final Paragraph status = new Paragraph();
  private final PasswordResetRequests resets;

  public ForgotPasswordView(PasswordResetRequests resets) {
    this.resets = resets;
    addClassName("flowgate-auth");
    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    email.setId("reset-email");
    email.setRequired(true);
    email.setAutofocus(true);
    email.setWidthFull();
    send.setId("reset-request");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickShortcut(Key.ENTER);
    send.addClickListener(e -> request());
    send.setWidthFull();
    status.setId("reset-status");
    status.getElement().setAttribute("aria-live", "polite");

    Anchor toLogin = new Anchor("login", "Back to log in");
    toLogin.setId("login-link");
    Paragraph back = new Paragraph(toLogin);
    back.addClassName("flowgate-muted");

    Div card = new Div(new H2("Reset your password"));
    if (resets.available()) {
      card.add(new Paragraph("Enter the email of your account; we mail you a link to choose a new password."),
          email, send, status, back);
    } else {
      status.setText("Password reset by mail is not available on this Flowgate installation: "
          + "ask an owner or admin of your team, or the platform admin, to help.");
      card.add(status, back);
    }
    card.addClassName("flowgate-auth-card");
    add(brand, card);
    addAttachListener(e -> ColorSchemes.apply(e.getUI()));
  }

  void request() {
    try {
      resets.request(email.getValue(), address());
      email.setInvalid(false);
      status.setText("If an account has this email, a link to reset its password is on its way. "
          + "It works once, for " + PasswordResets.VALIDITY.toMinutes() + " minutes.");
    } catch (InvalidInputException e) {
      email.setInvalid(true);
      email.setErrorMessage("Enter a valid email address");
    } catch (TooManyRequestsException e) {
      status.setText(e.getMessage() + ".");
    }
  }

  private static @Nullable String address() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? null : request.getRemoteAddr();
  }
}
