package dev.flowgate.portal.routing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The tenant's upstream services: a paged grid and a form; a viewer only reads. */
@com.vaadin.flow.router.Route(value = "services", layout = MainLayout.class)
@PageTitle("Services · Flowgate")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER", "VIEWER"})
public class ServicesView extends Main {

  final Grid<ServiceView> grid = new Grid<>(ServiceView.class, false);
  final TextField name = new TextField("Name");
  final TextField url = new TextField("Upstream URL");
  final IntegerField connectTimeoutMs = new IntegerField("Connect timeout (ms)");
  final IntegerField readTimeoutMs = new IntegerField("Read timeout (ms)");
  final IntegerField retries = new IntegerField("Retries");
  final TextField healthCheckPath = new TextField("Health check path");
  final TextArea openApi = new TextArea("OpenAPI document");
  final TextField search = new TextField();
  final Paragraph status = new Paragraph();
  final Button save = new Button("Create service");
  final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final UpstreamManagement services;
  private final Actor actor;
  private @Nullable ServiceView editing;

  public ServicesView(UpstreamManagement services, AuthenticationContext authentication) {
    this.services = services;
    PortalUser user = authentication.getAuthenticatedUser(PortalUser.class).orElseThrow();
    this.actor = user.actor();
    boolean canEdit = Roles.canDevelop(user.role());
    addClassNames("flowgate-page");

    grid.setId("services-grid");
    grid.addColumn(ServiceView::name).setHeader("Name").setFlexGrow(1);
    grid.addColumn(ServiceView::url).setHeader("URL").setFlexGrow(2);
    grid.addColumn(ServiceView::retries).setHeader("Retries").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(s -> s.openApi() == null ? "generic" : "attached").setHeader("OpenAPI").setAutoWidth(true).setFlexGrow(0);
    grid.setItems(q -> services.list(actor, search.getValue(), PageRequest.of(q.getPage(), q.getPageSize(),
        Sort.by(Sort.Direction.DESC, "createdAt"))).stream());
    grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
    grid.setAriaLabel("Services");

    search.setId("services-search");
    search.setPlaceholder("Search by name");
    search.setAriaLabel("Search services by name");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    Button create = new Button("New service", VaadinIcon.PLUS.create(), e -> grid.asSingleSelect().clear());
    create.setId("service-new");
    create.setVisible(canEdit);
    add(new HorizontalLayout(new H2("Services"), search, create), MainLayout.listAndForm(grid, form(canEdit)));
    edit(null);
  }

  private Div form(boolean canEdit) {
    name.setId("service-name");
    url.setId("service-url");
    url.setPlaceholder("https://api.example.com");
    connectTimeoutMs.setId("service-connect-timeout");
    readTimeoutMs.setId("service-read-timeout");
    retries.setId("service-retries");
    healthCheckPath.setId("service-health-path");
    healthCheckPath.setPlaceholder("/health");
    fields.put("name", name);
    fields.put("url", url);
    fields.put("connectTimeoutMs", connectTimeoutMs);
    fields.put("readTimeoutMs", readTimeoutMs);
    fields.put("retries", retries);
    fields.put("healthCheckPath", healthCheckPath);
    fields.put("openApi", openApi);
    openApi.setId("service-openapi");
    openApi.setPlaceholder("openapi: 3.0.3\ninfo: ...\npaths: ...");
    openApi.setHelperText("Optional: paste the service's OpenAPI 3 document (JSON or YAML, at most 1 MiB); "
        + "the API catalog then shows its operations under each route. Empty it to go back to generic docs.");
    openApi.setMaxLength(OpenApiDocuments.MAX_BYTES);
    openApi.setMaxHeight("20rem");
    openApi.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    status.setId("service-form-status");
    status.setClassName("flowgate-muted");
    status.getElement().setAttribute("aria-live", "polite");

    save.setId("service-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(e -> save());
    delete.setId("service-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    delete.addClickListener(e -> delete());
    FormLayout form = new FormLayout(name, url, connectTimeoutMs, readTimeoutMs, retries, healthCheckPath, openApi);
    form.setColspan(openApi, 2);
    form.setId("service-form");
    HorizontalLayout actions = new HorizontalLayout(save, delete);
    actions.setVisible(canEdit);
    if (!canEdit) {
      fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(true));
      status.setText("Your role can read services but not change them.");
    }
    return new Div(form, actions, status);
  }

  private void edit(@Nullable ServiceView service) {
    editing = service;
    FormErrors.clear(fields);
    name.setValue(service == null ? "" : service.name());
    url.setValue(service == null ? "" : service.url());
    connectTimeoutMs.setValue(service == null ? 2000 : service.connectTimeoutMs());
    readTimeoutMs.setValue(service == null ? 45000 : service.readTimeoutMs());
    retries.setValue(service == null ? 0 : service.retries());
    healthCheckPath.setValue(service == null || service.healthCheckPath() == null ? "" : service.healthCheckPath());
    openApi.setValue(service == null || service.openApi() == null ? "" : service.openApi());
    save.setText(service == null ? "Create service" : "Save changes");
    delete.setEnabled(service != null);
  }

  void save() {
    ServiceRequest request = new ServiceRequest(blankToNull(name.getValue()), blankToNull(url.getValue()),
        connectTimeoutMs.getValue(), readTimeoutMs.getValue(), retries.getValue(), healthCheckPath.getValue(),
        editing == null ? blankToNull(openApi.getValue()) : openApi.getValue());
    try {
      ServiceView saved = editing == null
          ? services.create(actor, request)
          : services.update(actor, editing.id(), request, ETags.of(editing));
      FormErrors.clear(fields);
      grid.getDataProvider().refreshAll();
      editing = saved;
      save.setText("Save changes");
      delete.setEnabled(true);
      status.setText("Saved “" + saved.name() + "”.");
    } catch (InvalidInputException | ConflictException | PreconditionFailedException | NotFoundException e) {
      FormErrors.showSaveFailure(e, fields, status, "service");
    }
  }

  private void delete() {
    if (editing == null) {
      return;
    }
    try {
      services.delete(actor, editing.id());
      status.setText("Deleted “" + editing.name() + "”.");
      grid.getDataProvider().refreshAll();
      grid.asSingleSelect().clear();
      edit(null);
    } catch (ConflictException | NotFoundException e) {
      status.setText(Objects.requireNonNullElse(e.getMessage(), "Cannot delete"));
    }
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }
}
