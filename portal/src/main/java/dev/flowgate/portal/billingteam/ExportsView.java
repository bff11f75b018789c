package dev.flowgate.portal.billingteam;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.UnavailableException;
import dev.flowgate.portal.base.ui.MainLayout;
import dev.flowgate.portal.billingteam.BillingTeamClient.Export;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * CSV exports of usage or invoices for a date range. Following the link streams billing's CSV to
 * the browser as billing writes it; the rows are counted on the way and shown against billing's
 * {@code X-Total-Rows} in a progress bar, which the page polls for while the download runs.
 */
@Route(value = "billing-team/exports", layout = MainLayout.class)
@PageTitle("Exports · Flowgate billing")
@RolesAllowed({"PLATFORM_ADMIN", "BILLING_TEAM"})
public class ExportsView extends Main {

  /** How often (rows) the bar moves; each move is one UI update. */
  static final long REPORT_EVERY = 2_000;

  final Select<Export> kind = new Select<>();
  final DatePicker from = new DatePicker("From");
  final DatePicker to = new DatePicker("To (inclusive)");
  final Anchor download = new Anchor();
  final ProgressBar progress = new ProgressBar();
  final Paragraph status = new Paragraph();
  private final BillingTeamClient billing;
  // read by the download, which runs outside the UI's lock: the choices are copied here as they change
  private volatile Export chosenKind = Export.USAGE;
  private volatile LocalDate chosenFrom;
  private volatile LocalDate chosenTo;

  public ExportsView(BillingTeamClient billing, Clock clock) {
    this.billing = billing;
    addClassNames("flowgate-page");
    LocalDate today = LocalDate.now(clock);
    chosenFrom = today.withDayOfMonth(1).minusMonths(1);
    chosenTo = today.withDayOfMonth(1).minusDays(1);

    kind.setId("billing-export-kind");
    kind.setLabel("Export");
    kind.setItems(Export.values());
    kind.setItemLabelGenerator(e -> e == Export.USAGE ? "Usage (per tenant and day)" : "Invoices");
    kind.setValue(Export.USAGE);
    kind.addValueChangeListener(e -> chosenKind = e.getValue() == null ? Export.USAGE : e.getValue());
    from.setId("billing-export-from");
    from.setValue(chosenFrom);
    from.addValueChangeListener(e -> changed());
    to.setId("billing-export-to");
    to.setValue(chosenTo);
    to.addValueChangeListener(e -> changed());

    download.setId("billing-export-download");
    download.add(VaadinIcon.DOWNLOAD.create());
    download.add(" Download CSV");
    DownloadHandler csv = event -> {
      UI ui = event.getUI();
      event.setFileName(fileName());
      event.setContentType("text/csv;charset=UTF-8");
      run(event.getOutputStream(), command -> ui.access(command::run));
    };
    download.setHref(csv);
    // the browser fetches the file on its own: poll meanwhile so the bar can move (the portal has no push)
    download.getElement().addEventListener("click", e -> getUI().ifPresent(ui -> ui.setPollInterval(500)));

    progress.setId("billing-export-progress");
    progress.setVisible(false);
    progress.getElement().setAttribute("aria-labelledby", "billing-export-status");
    status.setId("billing-export-status");
    status.getElement().setAttribute("role", "status");
    status.setText("Pick a range and follow the link; large exports stream while you wait.");

    HorizontalLayout form = new HorizontalLayout(kind, from, to, download);
    form.setAlignItems(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    add(new H2("Exports"), form, progress, status);
  }

  private void changed() {
    boolean ordered = from.getValue() != null && to.getValue() != null && !to.getValue().isBefore(from.getValue());
    to.setInvalid(!ordered);
    to.setErrorMessage(ordered ? null : "Pick a day on or after From");
    download.setEnabled(ordered);
    if (ordered) {
      chosenFrom = from.getValue();
      chosenTo = to.getValue();
    }
  }

  String fileName() {
    return chosenKind.file.replace(".csv", "-" + chosenFrom + "-" + chosenTo + ".csv");
  }

  /**
   * Streams the chosen export into {@code out}, counting rows; UI changes go through {@code ui}
   * (the UI's access in the page, direct in tests).
   */
  void run(OutputStream out, Executor ui) throws IOException {
    ui.execute(() -> start());
    try {
      billing.export(chosenKind, chosenFrom, chosenTo, (headers, body) -> {
        long total = total(headers.getFirst("X-Total-Rows"));
        ui.execute(() -> show(0, total));
        new CsvProgress(REPORT_EVERY, rows -> ui.execute(() -> show(rows, total))).copy(body, out);
      });
      ui.execute(this::finished);
    } catch (UnavailableException | InvalidInputException e) {
      ui.execute(() -> failed("The export failed: " + e.getMessage()));
      throw new IOException(e);
    }
  }

  private void start() {
    progress.setVisible(true);
    progress.setIndeterminate(true);
    status.setText("Asking billing for the export…");
  }

  private void show(long rows, long total) {
    NumberFormat count = NumberFormat.getIntegerInstance(getLocale() == null ? Locale.UK : getLocale());
    if (total > 0) {
      progress.setIndeterminate(false);
      progress.setValue(Math.min(1.0, (double) rows / total));
      status.setText(count.format(rows) + " of " + count.format(total) + " rows");
    } else {
      status.setText(count.format(rows) + " rows so far");
    }
  }

  private void finished() {
    progress.setIndeterminate(false);
    progress.setValue(1.0);
    status.setText(status.getText().replace(" so far", "") + ": done.");
    getUI().ifPresent(ui -> ui.setPollInterval(-1));
  }

  private void failed(String message) {
    progress.setVisible(false);
    status.setText(message);
    getUI().ifPresent(ui -> ui.setPollInterval(-1));
  }

  private static long total(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
