package dev.flowgate.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core (the npm package, as Deque ships it inside its Java jar) in the page and returns
 * the WCAG 2.1 A/AA violations. The full axe report of each check is kept as test output.
 */
public final class Axe {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCRIPT = load();
  private static final String RUN = """
      async () => JSON.stringify(await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
        resultTypes: ['violations']
      }))""";

  private final Path reports;

  public Axe(Path reports) {
    this.reports = reports;
  }

  public static Axe fromSystemProperties() {
    return new Axe(Path.of(System.getProperty("flowgate.axe.reports", "target/axe")));
  }

  /** One violated rule: its id, impact, help text and the elements it was found on. */
  public record Violation(String rule, String impact, String help, List<String> targets) {

    @Override
    public String toString() {
      return impact + " " + rule + " (" + help + ") on " + targets;
    }
  }

  /** Checks the page as it is now and writes the report under {@code name}. */
  public List<Violation> check(Page page, String name) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
    }
    String report = (String) page.evaluate(RUN);
    write(name, report);
    List<Violation> violations = new ArrayList<>();
    for (JsonNode violation : JSON.readTree(report).path("violations")) {
      List<String> targets = new ArrayList<>();
      violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
      violations.add(new Violation(violation.path("id").asString(), violation.path("impact").asString(),
          violation.path("help").asString(), targets));
    }
    return violations;
  }

  private void write(String name, String report) {
    try {
      Files.createDirectories(reports);
      Files.writeString(reports.resolve(name + ".json"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String load() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
