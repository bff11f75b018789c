package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A key's secret, read-only with a copy button, under the warning that it is shown only now. The
 * secret lives in this component only; closing the dialog that holds it drops it.
 */
public class SecretShownOnce extends VerticalLayout {

  final TextField secret = new TextField("Secret");

  public SecretShownOnce(IssuedKey issued) {
    setPadding(false);
    Paragraph once = new Paragraph("Copy the secret now: it is shown only this once and cannot be recovered.");
    once.setId("key-secret-warning");
    secret.setId("key-secret");
    secret.setValue(issued.secret());
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.addClassName("flowgate-secret");
    Button copy = copyButton("copy-key-secret", "Copy secret", issued.secret());
    HorizontalLayout row = new HorizontalLayout(secret, copy);
    row.setWidthFull();
    row.setAlignItems(FlexComponent.Alignment.END);
    row.expand(secret);
    add(once, row);
  }

  /** An icon button that copies the text to the clipboard and says whether it worked. */
  public static Button copyButton(String id, String label, String text) {
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
