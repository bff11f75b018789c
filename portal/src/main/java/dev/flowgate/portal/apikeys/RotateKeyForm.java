package dev.flowgate.portal.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rotates a key with a chosen grace period (none up to 7 days, 24 hours preselected) and shows the
 * new secret once, with when the old one stops working.
 */
class RotateKeyForm extends Dialog {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  static final List<Duration> GRACE_PERIODS = List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24),
      Duration.ofDays(3), Duration.ofDays(7));

  final Select<Duration> grace = new Select<>();
  final Paragraph status = new Paragraph();
  final Button rotate = new Button("Rotate");
  private final ApiKeyManagement keys;
  private final Actor actor;
  private final KeyView key;
  private final Consumer<IssuedKey> onRotated;

  RotateKeyForm(ApiKeyManagement keys, Actor actor, KeyView key, Consumer<IssuedKey> onRotated) {
    this.keys = keys;
    this.actor = actor;
    this.key = key;
    this.onRotated = onRotated;
    setHeaderTitle("Rotate “" + key.name() + "”");
    setWidth("min(40rem, 95vw)");
    Paragraph what = new Paragraph("A new secret replaces the current one. During the grace period both work, so callers can switch;"
        + " then the old one stops.");
    grace.setId("rotate-grace");
    grace.setLabel("Grace period for the old secret");
    grace.setItems(GRACE_PERIODS);
    grace.setItemLabelGenerator(RotateKeyForm::label);
    grace.setValue(Duration.ofHours(24));
    status.setId("rotate-status");
    status.getElement().setAttribute("aria-live", "polite");
    add(what, grace, status);
    rotate.setId("rotate-submit");
    rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    rotate.addClickListener(e -> rotate());
    Button cancel = new Button("Cancel", e -> close());
    cancel.setId("rotate-cancel");
    getFooter().add(cancel, rotate);
  }

  void rotate() {
    IssuedKey issued;
    try {
      issued = keys.rotate(actor, key.id(), new RotateRequest(grace.getValue().toSeconds()));
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      status.setText(Objects.requireNonNullElse(e.getMessage(), "The key could not be rotated"));
      return;
    }
    onRotated.accept(issued);
    removeAll();
    getFooter().removeAll();
    setHeaderTitle("“" + key.name() + "” rotated");
    Paragraph old = new Paragraph(issued.key().previousSecretValidUntil() == null
        ? "The old secret has stopped working."
        : "The old secret keeps working until " + WHEN.format(issued.key().previousSecretValidUntil()) + ".");
    old.setId("rotate-old-secret-ends");
    add(new SecretShownOnce(issued), old);
    Button done = new Button("Done", e -> close());
    done.setId("key-dialog-close");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
    done.focus();
  }

  static String label(Duration grace) {
    if (grace.isZero()) {
      return "None: the old secret stops now";
    }
    return grace.toDays() >= 1 && grace.toHours() % 24 == 0 && grace.toHours() != 24
        ? grace.toDays() + " days" : grace.toHours() + (grace.toHours() == 1 ? " hour" : " hours");
  }
}
