package dev.flowgate.portal.signup;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.ui.ColorSchemes;
import java.util.List;

/** Self-service sign-up; on success the new owner is signed in and lands on the dashboard. */
@Route("signup")
@PageTitle("Sign up · Flowgate")
@AnonymousAllowed
public class SignupView extends Main {

  private final SignupService signups;
  private final SignupLogin login;
  private final TextField organization = new TextField("Organization");
  private final EmailField email = new EmailField("Email");
  private final PasswordField password = new PasswordField("Password");

  public SignupView(SignupService signups, SignupLogin login) {
    this.signups = signups;
    this.login = login;
    addClassName("flowgate-auth");

    H1 brand = new H1("Flowgate");
    brand.addClassName("flowgate-brand");

    organization.setId("signup-organization");
    organization.setRequired(true);
    organization.setMaxLength(100);
    organization.setAutofocus(true);
    email.setId("signup-email");
    email.setRequired(true);
    password.setId("signup-password");
    password.setRequired(true);
    password.setHelperText("At least 12 characters");

    Button submit = new Button("Create account", e -> submit());
    submit.setId("signup-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickShortcut(Key.ENTER);
    submit.setWidthFull();

    FormLayout form = new FormLayout(organization, email, password);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

    Anchor toLogin = new Anchor("login", "Log in");
    toLogin.setId("login-link");
    Paragraph haveAccount = new Paragraph("Already have an account? ");
    haveAccount.add(toLogin);
    haveAccount.addClassName("flowgate-muted");

    Div card = new Div(new H2("Create your organization"), form, submit, haveAccount);
    card.addClassName("flowgate-auth-card");
    add(brand, card);
    addAttachListener(e -> ColorSchemes.apply(e.getUI()));
  }

  private void submit() {
    clearErrors();
    SignupRequest request = new SignupRequest(email.getValue(), password.getValue(), organization.getValue());
    try {
      signups.signUp(request);
    } catch (InvalidInputException e) {
      show(e.errors());
      return;
    } catch (ConflictException e) {
      email.setInvalid(true);
      email.setErrorMessage("An account with this email already exists");
      return;
    }
    if (login.signIn(request.email())) {
      UI.getCurrent().getPage().setLocation("/");
    } else {
      Notification.show("Account created. Please log in.", 4000, Notification.Position.TOP_CENTER)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      UI.getCurrent().navigate("login");
    }
  }

  private void show(List<InvalidInputException.FieldError> errors) {
    for (InvalidInputException.FieldError error : errors) {
      String message = capitalized(error.message());
      switch (error.field()) {
        case "organization" -> { organization.setInvalid(true); organization.setErrorMessage(message); }
        case "email" -> { email.setInvalid(true); email.setErrorMessage(message); }
        case "password" -> { password.setInvalid(true); password.setErrorMessage(message); }
        default -> Notification.show(error.field() + " " + error.message());
      }
    }
  }

  private void clearErrors() {
    organization.setInvalid(false);
    email.setInvalid(false);
    password.setInvalid(false);
  }

  private static String capitalized(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
