package dev.flowgate.portal.catalog;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;

/**
 * The try-it console's view of a service's own OpenAPI document: the operations the chosen route
 * publishes, and for the chosen one its request schema and its documented responses (schemas and
 * examples). Hidden for routes documented generically.
 */
class OperationGuide extends Div {

  final Select<CatalogOperation> operation = new Select<>();
  final Pre requestSchema = new Pre();
  final Pre responses = new Pre();

  OperationGuide(Consumer<CatalogOperation> onChosen) {
    setId("try-operation-guide");
    operation.setId("try-operation");
    operation.setLabel("Operation (from the service's OpenAPI document)");
    operation.setItemLabelGenerator(CatalogOperation::label);
    operation.setWidthFull();
    operation.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        onChosen.accept(e.getValue());
      }
    });
    requestSchema.setId("try-request-schema");
    responses.setId("try-response-schemas");
    for (Pre output : List.of(requestSchema, responses)) {
      output.getStyle().set("max-height", "16rem").set("overflow", "auto").set("white-space", "pre-wrap");
      output.getElement().setAttribute("tabindex", "0").setAttribute("role", "region");
    }
    requestSchema.getElement().setAttribute("aria-label", "Request body schema");
    responses.getElement().setAttribute("aria-label", "Documented responses");
    add(operation, requestSchema, responses);
    setVisible(false);
  }

  /** Lists the route's operations; hides itself for a route without any. */
  void offer(CatalogRoute route) {
    operation.setItems(route.operations());
    setVisible(!route.operations().isEmpty());
    if (route.operations().isEmpty()) {
      requestSchema.setText("");
      responses.setText("");
    }
  }

  void show(CatalogOperation chosen) {
    operation.setValue(chosen);
    String schema = OperationSamples.requestSchema(chosen);
    requestSchema.setText(schema.isEmpty() ? "Request body: none documented" : "Request body schema:\n" + schema);
    String documented = OperationSamples.responses(chosen);
    responses.setText(documented.isEmpty() ? "Responses: none documented" : "Responses:\n" + documented);
  }
}
