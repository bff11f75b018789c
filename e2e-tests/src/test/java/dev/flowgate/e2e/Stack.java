package dev.flowgate.e2e;

import java.nio.file.Path;

/** Where the running stack is; set by the Maven build, overridable with -D. */
public record Stack(String portalUrl, String gatewayUrl, Path chromium, Path screenshots) {

  public static Stack fromSystemProperties() {
    return new Stack(
        System.getProperty("flowgate.portal.url", "http://127.0.0.1:8080"),
        System.getProperty("flowgate.gateway.url", "http://127.0.0.1:8000"),
        Path.of(System.getProperty("flowgate.chromium", "/usr/bin/chromium")),
        Path.of(System.getProperty("flowgate.screenshots", "target/screenshots")));
  }
}
