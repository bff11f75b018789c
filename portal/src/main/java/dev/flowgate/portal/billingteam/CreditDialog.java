package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.billingteam.BillingOperations.CreditRequest;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Issues a credit to a tenant: an amount in the plan's currency and the reason, which the audit
 * trail keeps. A refused field shows its message beside it; what was typed stays until the credit
 * is issued, whatever failed in between.
 */
class CreditDialog extends Dialog {

  final BigDecimalField amount = new BigDecimalField();
  final TextArea reason = new TextArea("Reason");
  final Paragraph status = new Paragraph();
  final Button issue = new Button("Issue credit");
  private final BillingOperations operations;
  private final PlatformPrincipal operator;
  private final UUID tenantId;
  private final Runnable onIssued;
  private String currency = "EUR";

  CreditDialog(BillingOperations operations, PlatformPrincipal operator, UUID tenantId, Runnable onIssued) {
    this.operations = operations;
    this.operator = operator;
    this.tenantId = tenantId;
    this.onIssued = onIssued;
    setId("billing-credit-dialog");
    setHeaderTitle("Issue a credit");
    setWidth("min(32rem, 95vw)");

    amount.setId("billing-credit-amount");
    amount.setRequiredIndicatorVisible(true);
    amount.setWidthFull();
    reason.setId("billing-credit-reason");
    reason.setHelperText("Kept in the tenant's audit trail; say why, e.g. the incident or ticket.");
    reason.setMaxLength(BillingOperations.MAX_REASON);
    reason.setRequiredIndicatorVisible(true);
    reason.setWidthFull();
    status.setId("billing-credit-status");
    status.getElement().setAttribute("role", "alert");

    issue.setId("billing-credit-issue");
    issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    issue.addClickListener(e -> submit());
    // Enter writes a new line in the reason, so the keyboard way to issue is Ctrl+Enter
    issue.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
    issue.setTooltipText("Ctrl+Enter");
    Button cancel = new Button("Cancel", e -> close());
    cancel.setId("billing-credit-cancel");

    VerticalLayout fields = new VerticalLayout(amount, reason, status);
    fields.setPadding(false);
    add(fields);
    getFooter().add(cancel, issue);
  }

  /** Opens for a plan's currency, keeping anything typed before. */
  void open(String currencyCode) {
    currency = currencyCode.isBlank() ? "EUR" : currencyCode;
    amount.setLabel("Amount (" + currency + ")");
    status.setText("");
    open();
    amount.focus();
  }

  /** Validates beside the fields, then asks billing; on success clears and closes. */
  void submit() {
    amount.setInvalid(false);
    reason.setInvalid(false);
    status.setText("");
    Long minor = minorUnits();
    CreditRequest request = new CreditRequest(minor, currency, reason.getValue());
    List<InvalidInputException.FieldError> errors = BillingOperations.validate(request);
    if (minor == null && amount.getValue() != null) {
      errors = List.of(new InvalidInputException.FieldError("amountMinor",
          "has more decimals than " + currency + " has"));
    }
    if (!errors.isEmpty()) {
      show(errors);
      return;
    }
    try {
      operations.issueCredit(operator, tenantId, request);
      amount.clear();
      reason.clear();
      close();
      onIssued.run();
    } catch (InvalidInputException e) {
      show(e.errors());
    } catch (UnavailableException e) {
      status.setText("The credit was not issued: billing did not answer. Nothing you typed is lost; try again shortly.");
    }
  }

  private void show(List<InvalidInputException.FieldError> errors) {
    for (InvalidInputException.FieldError error : errors) {
      switch (error.field()) {
        case "amountMinor", "amount", "currency" -> {
          amount.setInvalid(true);
          // our own rule speaks of minor units; say it in the currency. Billing's refusals are shown as billing words them
          amount.setErrorMessage(error.message().startsWith("must be a positive")
              ? "Enter a positive amount in " + currency : "Amount " + error.message());
        }
        case "reason" -> {
          reason.setInvalid(true);
          reason.setErrorMessage("Say why the credit is given (1-" + BillingOperations.MAX_REASON + " characters)");
        }
        default -> status.setText(error.field() + ": " + error.message());
      }
    }
  }

  /** The amount in minor units, or null when empty or with more decimals than the currency has. */
  private Long minorUnits() {
    BigDecimal value = amount.getValue();
    if (value == null) {
      return null;
    }
    int digits;
    try {
      digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    try {
      return value.movePointRight(digits).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
