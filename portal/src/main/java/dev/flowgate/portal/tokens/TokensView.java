package dev.flowgate.portal.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Management tokens for scripts and CI: create (the token is shown once) and revoke. */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("Management tokens · Flowgate")
@RolesAllowed({"OWNER", "ADMIN"})
public class TokensView extends Main {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  final TextField name = new TextField("Token name");
  final Button create = new Button("Create token", VaadinIcon.PLUS.create());
  final TextField secret = new TextField("New token (shown once)");
  final Paragraph status = new Paragraph();
  final Grid<TokenView> grid = new Grid<>(TokenView.class, false);
  private final ManagementTokenService tokens;
  private final Actor actor;

  public TokensView(ManagementTokenService tokens, AuthenticationContext authentication) {
    this.tokens = tokens;
    this.actor = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    addClassNames("flowgate-page");

    name.setId("token-name");
    name.setPlaceholder("e.g. CI pipeline");
    name.setMaxLength(100);
    create.setId("token-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(e -> create());
    secret.setId("token-secret");
    secret.setReadOnly(true);
    secret.setVisible(false);
    secret.setWidthFull();
    secret.addClassName("flowgate-secret");
    status.setId("token-status");
    status.getElement().setAttribute("aria-live", "polite");
    HorizontalLayout form = new HorizontalLayout(name, create);
    form.setAlignItems(FlexComponent.Alignment.BASELINE);

    grid.setId("tokens-grid");
    grid.setAriaLabel("Management tokens");
    grid.addColumn(TokenView::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setFlexGrow(1);
    grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created").setFlexGrow(1);
    grid.addColumn(t -> t.revokedAt() == null ? "active" : "revoked " + TIME.format(t.revokedAt())).setHeader("Status").setFlexGrow(1);
    grid.addComponentColumn(t -> {
      Button revoke = new Button("Revoke", e -> revoke(t));
      revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
      revoke.setAriaLabel("Revoke " + t.name());
      revoke.setEnabled(t.revokedAt() == null);
      return revoke;
    }).setHeader("").setAutoWidth(true).setFlexGrow(0);
    grid.setItems(q -> tokens.list(actor, PageRequest.of(q.getPage(), q.getPageSize(),
        Sort.by(Sort.Direction.DESC, "createdAt"))).stream());
    add(new H2("Management tokens"),
        new Paragraph("Tokens call the management API (Authorization: Bearer …) as you, with your role."),
        form, secret, status, grid);
  }

  void create() {
    try {
      ManagementTokenService.CreatedToken created = tokens.create(actor, new TokenRequest(name.getValue()));
      name.setInvalid(false);
      name.clear();
      secret.setValue(created.token());
      secret.setVisible(true);
      status.setText("Copy the token now: it is shown only this once.");
      grid.getDataProvider().refreshAll();
    } catch (InvalidInputException e) {
      name.setInvalid(true);
      name.setErrorMessage("Give the token a name (1-100 characters)");
    }
  }

  void revoke(TokenView token) {
    tokens.revoke(actor, token.id());
    status.setText("Revoked “" + token.name() + "”: it no longer works.");
    grid.getDataProvider().refreshAll();
  }
}
