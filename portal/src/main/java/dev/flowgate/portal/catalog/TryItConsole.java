package dev.flowgate.portal.catalog;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.ui.FormErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks a route, method, path (with its parameters), headers, body and a key typed in, sends the
 * call through {@link GatewayConsole} and shows the status, the headers that matter (RateLimit-*,
 * X-Request-ID first) and the body. Everything typed stays in the form whatever the outcome.
 */
class TryItConsole extends Div {

  private static final List<String> FIRST_HEADERS = List.of("x-request-id", "ratelimit-limit", "ratelimit-remaining",
      "ratelimit-reset", "retry-after", "x-tenant-id", "content-type");

  final ComboBox<CatalogRoute> route = new ComboBox<>("Route");
  final Select<String> method = new Select<>();
  final TextField path = new TextField("Path");
  final TextArea headers = new TextArea("Headers");
  final TextArea body = new TextArea("Body");
  final PasswordField apiKey = new PasswordField("API key");
  final Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
  final Paragraph status = new Paragraph();
  final Pre responseHeaders = new Pre();
  final Pre responseBody = new Pre();
  final OperationGuide guide = new OperationGuide(this::choose);
  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final GatewayConsole gateway;
  private final Actor actor;

  TryItConsole(GatewayConsole gateway, Actor actor, List<CatalogRoute> routes) {
    this.gateway = gateway;
    this.actor = actor;
    setId("try-console");
    route.setId("try-route");
    route.setItems(routes);
    route.setItemLabelGenerator(r -> r.name() + " (" + r.serviceName() + ")");
    route.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        choose(e.getValue());
      }
    });
    method.setId("try-method");
    method.setLabel("Method");
    method.setItems(CatalogRoute.ANY_METHOD);
    method.setValue("GET");
    path.setId("try-path");
    path.setHelperText("Below a prefix route add the rest of the path and any query, e.g. /sample/hello?x=1");
    headers.setId("try-headers");
    headers.setPlaceholder("Accept: application/json");
    headers.setHelperText("One 'Name: value' per line; X-API-Key is set from the key below");
    body.setId("try-body");
    body.setHelperText("For POST, PUT and PATCH; sent as JSON unless you set Content-Type");
    apiKey.setId("try-key");
    apiKey.setHelperText("One of your keys; used for this call only and never stored");
    apiKey.setRevealButtonVisible(true);
    fields.put("routeId", route);
    fields.put("method", method);
    fields.put("path", path);
    fields.put("headers", headers);
    fields.put("body", body);
    fields.put("apiKey", apiKey);
    send.setId("try-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickListener(e -> send());
    status.setId("try-status");
    status.getElement().setAttribute("aria-live", "polite");
    responseHeaders.setId("try-response-headers");
    responseBody.setId("try-response-body");
    responseHeaders.setVisible(false);
    responseBody.setVisible(false);
    responseBody.getStyle().set("max-height", "24rem").set("overflow", "auto").set("white-space", "pre-wrap");
    // scrollable output must be reachable by keyboard; a named region says what it holds
    for (Pre output : List.of(responseHeaders, responseBody)) {
      output.getElement().setAttribute("tabindex", "0").setAttribute("role", "region");
    }
    responseHeaders.getElement().setAttribute("aria-label", "Response headers");
    responseBody.getElement().setAttribute("aria-label", "Response body");

    FormLayout form = new FormLayout(route, method, path, apiKey, headers, body);
    form.setColspan(path, 2);
    form.setColspan(headers, 1);
    add(guide, form, send, status, responseHeaders, responseBody);
  }

  /** Fills the form for a route: its first method and path (typed headers, body and key are kept). */
  void choose(CatalogRoute chosen) {
    route.setValue(chosen);
    method.setItems(chosen.allowedMethods());
    method.setValue(chosen.allowedMethods().get(0));
    path.setValue(RoutePaths.base(chosen.paths().get(0)));
    FormErrors.clear(fields);
    guide.offer(chosen);
    if (!chosen.operations().isEmpty()) {
      choose(chosen.operations().get(0));
    }
    path.focus();
  }

  /** Fills method, path (parameter examples in place) and body example from an operation of the service's document. */
  void choose(CatalogOperation operation) {
    method.setValue(operation.method());
    path.setValue(OperationSamples.examplePath(operation));
    boolean hasBody = !operation.method().equals("GET") && !operation.method().equals("HEAD");
    body.setValue(hasBody ? OperationSamples.requestExample(operation) : "");
    guide.show(operation);
    FormErrors.clear(fields);
  }

  void send() {
    CatalogRoute chosen = route.getValue();
    Map<String, String> typedHeaders = new LinkedHashMap<>();
    for (String line : headers.getValue().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        FormErrors.clear(fields);
        headers.setErrorMessage("'" + line.strip() + "' is not 'Name: value'");
        headers.setInvalid(true);
        status.setText("Fix the highlighted fields.");
        return;
      }
      typedHeaders.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    TryRequest request = new TryRequest(chosen == null ? null : chosen.id(), method.getValue(), path.getValue(),
        typedHeaders, body.getValue(), apiKey.getValue());
    try {
      show(gateway.send(actor, request));
      FormErrors.clear(fields);
    } catch (InvalidInputException e) {
      String unplaced = String.join("; ", FormErrors.show(fields, e));
      status.setText(unplaced.isEmpty() ? "Fix the highlighted fields." : unplaced);
    } catch (NotFoundException | UnavailableException e) {
      status.setText(Objects.requireNonNullElse(e.getMessage(), "The call failed"));
    }
  }

  private void show(TryResponse response) {
    status.setText(response.method() + " " + response.url() + " → " + response.status() + " in " + response.durationMs() + " ms"
        + (response.truncated() ? " (body cut at " + GatewayConsole.MAX_RESPONSE_BYTES / 1024 + " KB)" : ""));
    StringBuilder lines = new StringBuilder();
    FIRST_HEADERS.stream().filter(response.headers()::containsKey)
        .forEach(h -> lines.append(h).append(": ").append(String.join(", ", response.headers().get(h))).append('\n'));
    response.headers().forEach((name, values) -> {
      if (!FIRST_HEADERS.contains(name)) {
        lines.append(name).append(": ").append(String.join(", ", values)).append('\n');
      }
    });
    responseHeaders.setText(lines.toString());
    responseBody.setText(response.body().isEmpty() ? "(empty body)" : response.body());
    responseHeaders.setVisible(true);
    responseBody.setVisible(true);
  }
}
