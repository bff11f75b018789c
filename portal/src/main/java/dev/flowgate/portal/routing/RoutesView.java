package dev.flowgate.portal.routing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.PreconditionFailedException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.security.PortalUser;
import dev.flowgate.portal.base.security.Roles;
import dev.flowgate.portal.base.ui.FormErrors;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.base.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The tenant's routes: a paged grid and a form (policies are kept as they are); a viewer only reads. */
@com.vaadin.flow.router.Route(value = "routes", layout = MainLayout.class)
@PageTitle("Routes · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class RoutesView extends Main {

  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  final Grid<RouteView> grid = new Grid<>(RouteView.class, false);
  final TextField name = new TextField("Name");
  final ComboBox<ServiceView> service = new ComboBox<>("Service");
  final TextField paths = new TextField("Paths");
  final MultiSelectComboBox<String> methods = new MultiSelectComboBox<>("Methods");
  final TextField hosts = new TextField("Hosts");
  final Checkbox stripPath = new Checkbox("Strip the matched path before calling the upstream");
  final TextField search = new TextField();
  final Paragraph status = new Paragraph();
  final Button save = new Button("Create route");
  final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final RouteManagement routes;
  private final Actor actor;
  private @Nullable RouteView editing;

  public RoutesView(RouteManagement routes, UpstreamManagement services, AuthenticationContext authentication) {
    this.routes = routes;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    boolean canEdit = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");

    List<ServiceView> known = services.list(actor, PageRequest.of(0, 100, Sort.by("name"))).getContent();
    Map<java.util.UUID, String> serviceNames = new LinkedHashMap<>();
    known.forEach(s -> serviceNames.put(s.id(), s.name()));
    grid.setId("routes-grid");
    grid.addColumn(RouteView::name).setHeader("Name").setFlexGrow(1);
    grid.addColumn(r -> serviceNames.getOrDefault(r.serviceId(), "?")).setHeader("Service").setFlexGrow(1);
    grid.addColumn(r -> String.join(", ", r.paths())).setHeader("Paths").setFlexGrow(2);
    grid.addColumn(r -> r.methods().isEmpty() ? "any" : String.join(", ", r.methods())).setHeader("Methods").setFlexGrow(1);
    grid.setItems(q -> routes.list(actor, search.getValue(), PageRequest.of(q.getPage(), q.getPageSize(),
        Sort.by(Sort.Direction.DESC, "createdAt"))).stream());
    grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
    grid.setAriaLabel("Routes");
    service.setItems(known);
    service.setItemLabelGenerator(ServiceView::name);

    search.setId("routes-search");
    search.setPlaceholder("Search by name");
    search.setAriaLabel("Search routes by name");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    Button create = new Button("New route", VaadinIcon.PLUS.create(), e -> grid.asSingleSelect().clear());
    create.setId("route-new");
    create.setVisible(canEdit);
    add(new HorizontalLayout(new H2("Routes"), search, create), MainLayout.listAndForm(grid, form(canEdit)));
    edit(null);
  }

  private Div form(boolean canEdit) {
    name.setId("route-name");
    service.setId("route-service");
    paths.setId("route-paths");
    paths.setPlaceholder("/orders, /orders/*");
    paths.setHelperText("Comma-separated, each starting with /");
    methods.setId("route-methods");
    methods.setItems(METHODS);
    methods.setHelperText("None selected: every method");
    hosts.setId("route-hosts");
    hosts.setHelperText("Comma-separated; optional");
    stripPath.setId("route-strip-path");
    fields.put("name", name);
    fields.put("serviceId", service);
    fields.put("paths", paths);
    fields.put("methods", methods);
    fields.put("hosts", hosts);
    status.setId("route-form-status");
    status.setClassName("flowgate-muted");
    status.getElement().setAttribute("aria-live", "polite");

    save.setId("route-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> save());
    delete.setId("route-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    delete.addClickListener(e -> delete());
    FormLayout form = new FormLayout(name, service, paths, methods, hosts, stripPath);
    form.setId("route-form");
    HorizontalLayout actions = new HorizontalLayout(save, delete);
    actions.setVisible(canEdit);
    if (!canEdit) {
      name.setReadOnly(true);
      service.setReadOnly(true);
      paths.setReadOnly(true);
      methods.setReadOnly(true);
      hosts.setReadOnly(true);
      stripPath.setReadOnly(true);
      status.setText("Your role can read routes but not change them.");
    }
    return new Div(form, actions, status);
  }

  private void edit(@Nullable RouteView route) {
    editing = route;
    FormErrors.clear(fields);
    name.setValue(route == null ? "" : route.name());
    service.setValue(route == null ? null : service.getListDataView().getItems()
        .filter(s -> s.id().equals(route.serviceId())).findFirst().orElse(null));
    paths.setValue(route == null ? "" : String.join(", ", route.paths()));
    methods.setValue(route == null ? new LinkedHashSet<>() : new LinkedHashSet<>(route.methods()));
    hosts.setValue(route == null ? "" : String.join(", ", route.hosts()));
    stripPath.setValue(route != null && route.stripPath());
    save.setText(route == null ? "Create route" : "Save changes");
    delete.setEnabled(route != null);
  }

  void save() {
    RouteRequest request = new RouteRequest(name.getValue().isBlank() ? null : name.getValue(),
        service.getValue() == null ? null : service.getValue().id(),
        split(paths.getValue()), METHODS.stream().filter(methods.getValue()::contains).toList(),
        split(hosts.getValue()), stripPath.getValue(), null);
    try {
      RouteView saved = editing == null
          ? routes.create(actor, request)
          : routes.update(actor, editing.id(), request, ETags.of(editing));
      FormErrors.clear(fields);
      grid.getDataProvider().refreshAll();
      editing = saved;
      save.setText("Save changes");
      delete.setEnabled(true);
      status.setText("Saved “" + saved.name() + "”.");
    } catch (InvalidInputException | ConflictException | PreconditionFailedException | NotFoundException e) {
      FormErrors.showSaveFailure(e, fields, status, "route");
    }
  }

  private void delete() {
    if (editing == null) {
      return;
    }
    try {
      routes.delete(actor, editing.id());
      status.setText("Deleted “" + editing.name() + "”.");
      grid.getDataProvider().refreshAll();
      grid.asSingleSelect().clear();
      edit(null);
    } catch (NotFoundException e) {
      status.setText(Objects.requireNonNullElse(e.getMessage(), "Cannot delete"));
    }
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
