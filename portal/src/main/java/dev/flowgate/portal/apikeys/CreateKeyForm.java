package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.ui.FormErrors;
import dev.flowgate.portal.routing.RouteView;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creates a key with its scopes (every route, or chosen ones), an optional rate limit and expiry,
 * then shows the secret once (with a ready curl line when given a URL to try). A refused request
 * marks the fields and keeps everything typed. The one key-creation dialog: the keys screen and
 * the dashboard both open it.
 */
public class CreateKeyForm extends Dialog {

  final TextField name = new TextField("Name");
  final Checkbox allRoutes = new Checkbox("Every route, now and later (*)", true);
  final MultiSelectComboBox<RouteView> routes = new MultiSelectComboBox<>("Routes");
  final IntegerField limit = new IntegerField("Rate limit (calls)");
  final IntegerField window = new IntegerField("Per (seconds)");
  final DateTimePicker expiresAt = new DateTimePicker("Expires (UTC)");
  final Paragraph status = new Paragraph();
  final Button create = new Button("Create key");
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final ApiKeyManagement keys;
  private final Actor actor;
  private final Consumer<IssuedKey> onCreated;
  private final @Nullable String tryUrl;

  CreateKeyForm(ApiKeyManagement keys, Actor actor, List<RouteView> tenantRoutes, Consumer<IssuedKey> onCreated) {
    this(keys, actor, tenantRoutes, null, onCreated);
  }

  /** @param tryUrl a gateway URL the new key can call, shown as a curl line beside the secret; null for none */
  public CreateKeyForm(ApiKeyManagement keys, Actor actor, List<RouteView> tenantRoutes, @Nullable String tryUrl,
      Consumer<IssuedKey> onCreated) {
    this.keys = keys;
    this.actor = actor;
    this.onCreated = onCreated;
    this.tryUrl = tryUrl;
    setHeaderTitle("Create API key");
    setWidth("min(44rem, 95vw)");

    name.setId("key-name"); // the id the onboarding journey (e2e) finds it by
    name.setRequired(true);
    name.setMaxLength(100);
    name.setPlaceholder("e.g. mobile app");
    name.setAutofocus(true);
    allRoutes.setId("new-key-all-routes");
    routes.setId("new-key-routes");
    routes.setItems(tenantRoutes);
    routes.setItemLabelGenerator(r -> r.name() + " (" + String.join(", ", r.paths()) + ")");
    routes.setEnabled(false);
    routes.setHelperText(tenantRoutes.isEmpty() ? "You have no routes yet" : "The key works only on these");
    allRoutes.addValueChangeListener(e -> routes.setEnabled(!e.getValue()));
    limit.setId("new-key-limit");
    limit.setMin(1);
    limit.setHelperText("Empty: the default of 1,000 per minute");
    window.setId("new-key-window");
    window.setMin(1);
    window.setMax(86_400);
    window.setValue(60);
    expiresAt.setId("new-key-expires");
    expiresAt.setHelperText("Empty: never expires");
    status.setId("new-key-status");
    status.getElement().setAttribute("aria-live", "polite");
    fields.put("name", name);
    fields.put("scopes", routes);
    fields.put("rateLimit.limit", limit);
    fields.put("rateLimit.windowSeconds", window);
    fields.put("expiresAt", expiresAt);

    FormLayout form = new FormLayout(name, allRoutes, routes, limit, window, expiresAt);
    form.setColspan(name, 2);
    form.setColspan(allRoutes, 2);
    form.setColspan(routes, 2);
    form.setColspan(expiresAt, 2);
    add(form, status);

    create.setId("key-create-submit");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(e -> create());
    create.addClickShortcut(Key.ENTER);
    Button cancel = new Button("Cancel", e -> close());
    cancel.setId("key-create-cancel");
    getFooter().add(cancel, create);
  }

  KeyRequest request() {
    List<String> scopes = allRoutes.getValue() ? List.of("*") : routes.getValue().stream().map(r -> r.id().toString()).toList();
    KeyRequest.RateLimit rateLimit = limit.getValue() == null ? null
        : new KeyRequest.RateLimit(limit.getValue(), window.getValue() == null ? 60 : window.getValue());
    return new KeyRequest(name.getValue(), scopes, rateLimit,
        expiresAt.getValue() == null ? null : expiresAt.getValue().toInstant(ZoneOffset.UTC));
  }

  void create() {
    if (!allRoutes.getValue() && routes.getValue().isEmpty()) {
      FormErrors.clear(fields);
      routes.setErrorMessage("Choose at least one route, or allow every route");
      routes.setInvalid(true);
      return;
    }
    IssuedKey issued;
    try {
      issued = keys.create(actor, request());
    } catch (InvalidInputException e) {
      clear();
      for (InvalidInputException.FieldError error : e.errors()) {
        HasValidation field = fields.getOrDefault(error.field(), fields.get(error.field().replaceAll("[\\[.].*$", "")));
        if (field != null) {
          field.setErrorMessage(error.message());
          field.setInvalid(true);
        }
      }
      status.setText("Fix the highlighted fields; nothing was created.");
      return;
    }
    onCreated.accept(issued);
    showSecret(issued);
  }

  private void clear() {
    FormErrors.clear(fields);
    status.setText("");
  }

  private void showSecret(IssuedKey issued) {
    removeAll();
    getFooter().removeAll();
    setHeaderTitle("Key “" + issued.key().name() + "” created");
    add(new SecretShownOnce(issued));
    if (tryUrl != null) {
      add(curl("curl -H \"X-API-Key: " + issued.secret() + "\" " + tryUrl));
    }
    Button done = new Button("Done", e -> close());
    done.setId("key-dialog-close");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
    done.focus();
  }

  private static HorizontalLayout curl(String line) {
    TextArea curl = new TextArea("Try it");
    curl.setId("curl-example");
    curl.setValue(line);
    curl.setReadOnly(true);
    curl.addClassName("flowgate-secret");
    HorizontalLayout row = new HorizontalLayout(curl, SecretShownOnce.copyButton("copy-curl", "Copy curl command", line));
    row.setWidthFull();
    row.setAlignItems(FlexComponent.Alignment.END);
    row.expand(curl);
    return row;
  }
}
