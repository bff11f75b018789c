package dev.flowgate.portal.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.ui.FormErrors;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The team: members with their roles (changed in place) and invitations, mailed or by link. */
@Route(value = "team", layout = MainLayout.class)
@PageTitle("Team · Flowgate")
@RolesAllowed({"OWNER", "ADMIN"})
public class TeamView extends Main {

  static final List<String> ROLES = List.of("owner", "admin", "developer", "viewer", "billing");

  final EmailField email = new EmailField("Email");
  final ComboBox<String> role = new ComboBox<>("Role");
  final Button invite = new Button("Invite", VaadinIcon.ENVELOPE_O.create());
  final TextField link = new TextField("Invitation link (shown once: send it to them)");
  final Paragraph status = new Paragraph();
  final Grid<MemberView> grid = new Grid<>(MemberView.class, false);
  private final MemberManagement members;
  private final InvitationDelivery invitations;
  private final Actor actor;

  public TeamView(MemberManagement members, InvitationDelivery invitations, AuthenticationContext authentication) {
    this.members = members;
    this.invitations = invitations;
    this.actor = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow().actor();
    addClassNames("flowgate-page");

    email.setId("invite-email");
    role.setId("invite-role");
    role.setItems(ROLES);
    role.setValue("developer");
    invite.setId("invite-submit");
    invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    invite.addClickListener(e -> invite());
    link.setId("invite-link");
    link.setReadOnly(true);
    link.setWidthFull();
    link.setVisible(false);
    link.addClassName("flowgate-secret");
    status.setId("team-status");
    status.getElement().setAttribute("aria-live", "polite");
    HorizontalLayout form = new HorizontalLayout(email, role, invite);
    form.setAlignItems(FlexComponent.Alignment.BASELINE);

    grid.setId("members-grid");
    grid.setAriaLabel("Team members");
    grid.addColumn(MemberView::email).setHeader("Email").setFlexGrow(2);
    grid.addComponentColumn(this::roleSelect).setHeader("Role").setFlexGrow(1);
    grid.setItems(q -> members.list(actor, PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("createdAt"))).stream());
    add(new H2("Team"), form, link, status, grid);
  }

  private Select<String> roleSelect(MemberView member) {
    Select<String> select = new Select<>();
    select.setItems(ROLES);
    select.setValue(member.role());
    select.setAriaLabel("Role of " + member.email());
    select.addValueChangeListener(e -> {
      if (!e.isFromClient()) {
        return;
      }
      try {
        members.changeRole(actor, member.id(), e.getValue(), null);
        status.setText(member.email() + " is now " + e.getValue() + ".");
      } catch (InvalidInputException | ConflictException refused) {
        select.setValue(e.getOldValue());
        status.setText(refused instanceof InvalidInputException invalid
            ? invalid.errors().getFirst().message() : refused.getMessage());
      }
    });
    return select;
  }

  void invite() {
    try {
      InvitationDelivery.Invitation invited = invitations.invite(actor, email.getValue(), role.getValue());
      FormErrors.clear(Map.of("email", email, "role", role));
      if (invited.mailed()) {
        link.clear();
        link.setVisible(false);
        status.setText("Invitation sent to " + invited.email() + " as " + invited.role() + "; the link works once, for 7 days.");
      } else {
        link.setValue(invited.link() == null ? "" : invited.link());
        link.setVisible(true);
        status.setText(invited.mail().equals("failed")
            ? "Invited " + invited.email() + " as " + invited.role() + ", but the invitation mail failed: send them "
                + "this link yourself; it works once, for 7 days."
            : "Invited " + invited.email() + " as " + invited.role() + "; the link works once, for 7 days.");
      }
      email.clear();
    } catch (InvalidInputException e) {
      FormErrors.show(Map.of("email", email, "role", role), e);
    } catch (ConflictException e) {
      email.setInvalid(true);
      email.setErrorMessage(e.getMessage());
    }
  }
}
