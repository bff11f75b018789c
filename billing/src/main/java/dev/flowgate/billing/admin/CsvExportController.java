package dev.flowgate.billing.admin;

import dev.flowgate.billing.web.InvalidRequestException;
import dev.flowgate.billing.web.InvalidRequestException.FieldProblem;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV exports for the billing team, days {@code from} to {@code to} inclusive (UTC). The row count
 * is computed first and sent as {@code X-Total-Rows} so the caller can show progress; the body is
 * then streamed row by row.
 */
@RestController
class CsvExportController {

  static final String TOTAL_ROWS = "X-Total-Rows";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final long MAX_DAYS = 1_100;

  private final CsvExports exports;

  CsvExportController(CsvExports exports) {
    this.exports = exports;
  }

  @GetMapping("/internal/v1/admin/exports/usage.csv")
  ResponseEntity<StreamingResponseBody> usage(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    return export(CsvExports.Export.USAGE, "usage", from, to);
  }

  @GetMapping("/internal/v1/admin/exports/invoices.csv")
  ResponseEntity<StreamingResponseBody> invoices(@RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    return export(CsvExports.Export.INVOICES, "invoices", from, to);
  }

  private ResponseEntity<StreamingResponseBody> export(CsvExports.Export export, String name, @Nullable String from,
      @Nullable String to) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = day(problems, "from", from);
    LocalDate end = day(problems, "to", to);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(new FieldProblem("to", "must not be before from"));
    } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      problems.add(new FieldProblem("to", "range exceeds " + MAX_DAYS + " days"));
    }
    if (!problems.isEmpty() || start == null || end == null) {
      throw new InvalidRequestException(problems);
    }
    long total = exports.count(export, start, end);
    StreamingResponseBody body = out -> {
      BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      exports.write(export, start, end, writer);
      writer.flush();
    };
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(TOTAL_ROWS, Long.toString(total))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + "-" + start + "-" + end + ".csv").build().toString())
        .body(body);
  }

  private static @Nullable LocalDate day(List<FieldProblem> problems, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required (yyyy-MM-dd)"));
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be yyyy-MM-dd"));
      return null;
    }
  }
}
