package dev.flowgate.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.apikeys.IssuedKey;
import dev.flowgate.portal.apikeys.KeyRequest;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;

/** Asks for a key name, creates the key and shows its secret once, with a ready curl line. */
class CreateKeyDialog extends Dialog {

  private final ApiKeyManagement keys;
  private final Actor actor;
  private final String gatewayUrl;
  private final Runnable onCreated;
  private final TextField name = new TextField("Key name");

  CreateKeyDialog(ApiKeyManagement keys, Actor actor, String gatewayUrl, Runnable onCreated) {
    this.keys = keys;
    this.actor = actor;
    this.gatewayUrl = gatewayUrl;
    this.onCreated = onCreated;
    setHeaderTitle("Create API key");
    setWidth("min(40rem, 95vw)");

    name.setId("key-name");
    name.setRequired(true);
    name.setMaxLength(100);
    name.setWidthFull();
    name.setPlaceholder("e.g. mobile app");
    name.setAutofocus(true);
    add(name);

    Button create = new Button("Create", e -> create());
    create.setId("key-create-submit");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickShortcut(Key.ENTER);
    Button cancel = new Button("Cancel", e -> close());
    cancel.setId("key-create-cancel");
    getFooter().add(cancel, create);
  }

  private void create() {
    IssuedKey issued;
    try {
      issued = keys.create(actor, new KeyRequest(name.getValue(), null, null, null));
    } catch (InvalidInputException e) {
      name.setInvalid(true);
      name.setErrorMessage("Give the key a name (1-100 characters)");
      return;
    }
    onCreated.run();
    showSecret(issued);
  }

  private void showSecret(IssuedKey issued) {
    removeAll();
    getFooter().removeAll();
    setHeaderTitle("Key “" + issued.key().name() + "” created");

    Paragraph once = new Paragraph("Copy the secret now: it is shown only this once and cannot be recovered.");
    once.setId("key-secret-warning");

    TextField secret = new TextField("Secret");
    secret.setId("key-secret");
    secret.setValue(issued.secret());
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.addClassName("flowgate-secret");

    String curlLine = "curl -H \"X-API-Key: " + issued.secret() + "\" " + gatewayUrl + "/sample/hello";
    TextArea curl = new TextArea("Try it");
    curl.setId("curl-example");
    curl.setValue(curlLine);
    curl.setReadOnly(true);
    curl.setWidthFull();
    curl.addClassName("flowgate-secret");

    VerticalLayout content = new VerticalLayout(once,
        row(secret, copyButton("copy-key-secret", "Copy secret", issued.secret())),
        row(curl, copyButton("copy-curl", "Copy curl command", curlLine)));
    content.setPadding(false);
    add(content);

    Button done = new Button("Done", e -> close());
    done.setId("key-dialog-close");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
    done.focus();
  }

  private static HorizontalLayout row(Component field, Button copy) {
    HorizontalLayout row = new HorizontalLayout(field, copy);
    row.setWidthFull();
    row.setAlignItems(FlexComponent.Alignment.END);
    row.expand(field);
    return row;
  }

  private static Button copyButton(String id, String label, String text) {
    Button copy = new Button(VaadinIcon.COPY_O.create());
    copy.setId(id);
    copy.setAriaLabel(label);
    copy.setTooltipText(label);
    copy.addClickListener(e -> UI.getCurrent().getPage()
        .executeJs("return navigator.clipboard.writeText($0)", text)
        .then(ok -> Notification.show("Copied", 1500, Notification.Position.BOTTOM_CENTER),
            error -> Notification.show("Copy failed: select the text and copy it", 3000, Notification.Position.BOTTOM_CENTER)));
    return copy;
  }
}
