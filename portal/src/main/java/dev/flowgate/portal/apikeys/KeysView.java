package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteView;
import dev.flowgate.portal.usage.UsageClient;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The tenant's API keys: a paged, searchable list; create with scopes, limit and expiry; rotate
 * with a grace period; revoke after confirmation; and the selected key's usage. A viewer reads.
 */
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("API keys · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class KeysView extends Main {

  final Grid<KeyView> grid = new Grid<>(KeyView.class, false);
  final TextField search = new TextField();
  final Button create = new Button("Create key", VaadinIcon.KEY.create());
  final Button rotate = new Button("Rotate", VaadinIcon.REFRESH.create());
  final Button revoke = new Button("Revoke", VaadinIcon.BAN.create());
  final H3 selectedName = new H3();
  final Paragraph status = new Paragraph();
  final Div details = new Div();
  final KeyUsagePanel usagePanel;
  private final ApiKeyManagement keys;
  private final Actor actor;
  private final Map<UUID, String> routeNames;
  private final List<RouteView> routes;
  private Map<String, Instant> lastUsed = Map.of();
  private boolean lastUsedKnown;
  private @Nullable KeyView selected;

  public KeysView(ApiKeyManagement keys, RouteManagement routeManagement, KeyActivity activity, UsageClient usage,
      AuthenticationContext authentication, Clock clock) {
    this.keys = keys;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    boolean canEdit = Roles.canDevelop(user.role());
    this.usagePanel = new KeyUsagePanel(usage, clock);
    this.routes = routeManagement.list(actor, PageRequest.of(0, 500, Sort.by("name"))).getContent();
    this.routeNames = routes.stream().collect(Collectors.toMap(RouteView::id, RouteView::name));
    activity.lastUsed(actor).ifPresent(found -> {
      lastUsed = found;
      lastUsedKnown = true;
    });
    addClassNames("flowgate-page");
    getStyle().set("display", "flex").set("flex-direction", "column");

    search.setId("keys-search");
    search.setPlaceholder("Search by name");
    search.setAriaLabel("Search keys by name");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    create.setId("keys-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setVisible(canEdit);
    create.addClickListener(e -> new CreateKeyForm(keys, actor, routes, issued -> refresh(issued.key())).open());
    H2 title = new H2("API keys");
    HorizontalLayout header = new HorizontalLayout(title, search, create);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.expand(title);

    columns(clock);
    grid.setId("keys-list");
    grid.setAriaLabel("API keys");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setEmptyStateText("No keys yet" + (canEdit ? ": create one to call your APIs." : "."));
    grid.setItems(q -> keys.list(actor, search.getValue(),
        PageRequest.of(q.getPage(), q.getPageSize(), Sort.by(Sort.Direction.DESC, "createdAt"))).stream());
    grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
    grid.setHeight("22rem");

    add(header, grid, detailsCard(canEdit));
    select(null);
  }

  private void columns(Clock clock) {
    grid.addColumn(KeyView::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(k -> "fg_live_" + k.prefix() + "…").setHeader("Prefix").setFlexGrow(2);
    grid.addColumn(this::scopes).setHeader("Scopes").setFlexGrow(2);
    grid.addColumn(k -> k.rateLimit() == null ? "default"
        : k.rateLimit().limit() + " / " + k.rateLimit().windowSeconds() + " s").setHeader("Limit").setFlexGrow(1);
    grid.addColumn(k -> k.expiresAt() == null ? "never" : RotateKeyForm.WHEN.format(k.expiresAt())).setHeader("Expires").setFlexGrow(2);
    grid.addColumn(k -> k.previousSecretValidUntil() == null ? k.status()
        : k.status() + " (old secret until " + RotateKeyForm.WHEN.format(k.previousSecretValidUntil()) + ")")
        .setHeader("Status").setFlexGrow(2);
    grid.addColumn(k -> !lastUsedKnown ? "unknown" : lastUsed.containsKey(k.id().toString())
        ? RotateKeyForm.WHEN.format(lastUsed.get(k.id().toString())) : "not in " + KeyActivity.LOOKBACK.toDays() + " days")
        .setHeader("Last used (hour)").setFlexGrow(2);
  }

  String scopes(KeyView key) {
    return key.scopes().contains("*") ? "every route" : key.scopes().stream()
        .map(s -> routeNames.getOrDefault(safeId(s), s)).collect(Collectors.joining(", "));
  }

  private Div detailsCard(boolean canEdit) {
    rotate.setId("key-rotate");
    rotate.addClickListener(e -> {
      if (selected != null) {
        new RotateKeyForm(keys, actor, selected, issued -> refresh(issued.key())).open();
      }
    });
    revoke.setId("key-revoke");
    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
    revoke.addClickListener(e -> confirmRevoke());
    HorizontalLayout actions = new HorizontalLayout(rotate, revoke);
    actions.setVisible(canEdit);
    selectedName.setId("key-selected-name");
    status.setId("key-status");
    status.addClassName("flowgate-muted");
    status.getElement().setAttribute("aria-live", "polite");
    HorizontalLayout header = new HorizontalLayout(selectedName, actions);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.expand(selectedName);
    details.setId("key-details");
    details.addClassName("flowgate-card");
    details.add(header, status, usagePanel);
    return details;
  }

  void select(@Nullable KeyView key) {
    selected = key;
    usagePanel.setVisible(key != null);
    rotate.setEnabled(key != null && !key.status().equals("revoked"));
    revoke.setEnabled(key != null && !key.status().equals("revoked"));
    if (key == null) {
      selectedName.setText("Key details");
      status.setText("Select a key to see its usage" + (create.isVisible() ? ", rotate or revoke it." : "."));
      return;
    }
    selectedName.setText("Key " + key.name());
    status.setText("Status: " + key.status() + (key.previousSecretValidUntil() == null ? ""
        : "; the old secret works until " + RotateKeyForm.WHEN.format(key.previousSecretValidUntil())));
    usagePanel.show(actor, key);
  }

  void confirmRevoke() {
    KeyView key = selected;
    if (key == null) {
      return;
    }
    ConfirmDialog confirm = new ConfirmDialog("Revoke “" + key.name() + "”?",
        "Calls with this key (and any old secret still in its grace period) are refused at once. This cannot be undone.",
        "Revoke", e -> revokeNow(key));
    confirm.setConfirmButtonTheme("error primary");
    confirm.setCancelable(true);
    confirm.setId("revoke-confirm");
    confirm.open();
  }

  void revokeNow(KeyView key) {
    try {
      keys.revoke(actor, key.id());
      refresh(keys.get(actor, key.id()));
      status.setText("Revoked “" + key.name() + "”: its calls are refused from now on.");
    } catch (NotFoundException e) {
      status.setText("That key no longer exists.");
    }
  }

  private void refresh(KeyView key) {
    grid.getDataProvider().refreshAll();
    grid.select(key);
    if (selected != key) { // the selection listener has not shown it (an equal key was selected already)
      select(key);
    }
  }

  private static @Nullable UUID safeId(String scope) {
    try {
      return UUID.fromString(scope);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
