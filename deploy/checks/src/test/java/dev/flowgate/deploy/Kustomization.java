package dev.flowgate.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A kustomization directory and the manifests its resources list (read as files, not rendered). */
record Kustomization(Path dir, Map<String, Object> spec) {

  static final Path K8S = Repo.path("deploy/k8s");

  static Kustomization at(String relative) {
    Path dir = K8S.resolve(relative);
    return new Kustomization(dir, Repo.yaml(dir.resolve("kustomization.yaml")));
  }

  List<Path> files(String field) {
    List<Path> files = new ArrayList<>();
    for (Object entry : Repo.list(spec.get(field))) {
      String path = entry instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : entry.toString();
      files.add(dir.resolve(path).normalize());
    }
    return files;
  }

  /** Every manifest document of the resources that are files (directories are other kustomizations). */
  List<Map<String, Object>> manifests() {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Path file : files("resources")) {
      if (file.toFile().isFile()) {
        documents.addAll(Repo.yamlDocuments(file));
      }
    }
    return documents;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return manifests().stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  /** The labels kustomize adds to pod templates ({@code labels} entries with includeTemplates). */
  Map<String, Object> templateLabels() {
    Map<String, Object> labels = new java.util.LinkedHashMap<>();
    for (Object entry : Repo.list(spec.get("labels"))) {
      if (Boolean.TRUE.equals(Repo.at(entry, "includeTemplates"))) {
        labels.putAll(Repo.map(Repo.at(entry, "pairs")));
      }
    }
    return labels;
  }

  static String name(Map<String, Object> manifest) {
    return Repo.string(manifest, "metadata.name");
  }
}
