package dev.flowgate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/** The repository's files as the checks read them: text, YAML documents and JSON as plain maps and lists. */
final class Repo {

  static final Path ROOT = findRoot();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Repo() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String relative) {
    return read(path(relative));
  }

  /** Every document of a YAML file; empty documents are left out. */
  static List<Map<String, Object>> yamlDocuments(Path file) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(read(file))) {
      if (document != null) {
        documents.add(map(document));
      }
    }
    return documents;
  }

  static Map<String, Object> yaml(Path file) {
    List<Map<String, Object>> documents = yamlDocuments(file);
    if (documents.size() != 1) {
      throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, expected one");
    }
    return documents.getFirst();
  }

  /** Parses strictly as JSON (not as YAML), so a dashboard that only YAML would accept fails. */
  static Map<String, Object> json(Path file) {
    return map(JSON.readValue(read(file), Map.class));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalStateException("expected a mapping, got " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?>)) {
      throw new IllegalStateException("expected a list, got " + value);
    }
    return (List<Object>) value;
  }

  /** Walks nested mappings along a dotted path ({@code spec.template.spec}); null when a step is missing. */
  static Object at(Object root, String dottedPath) {
    Object current = root;
    for (String step : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(step);
    }
    return current;
  }

  static String string(Object root, String dottedPath) {
    Object value = at(root, dottedPath);
    return value == null ? null : value.toString();
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root (mvnw and deploy/) above " + Path.of("").toAbsolutePath());
  }
}
