package dev.flowgate.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/** Who this process is, as heartbeats and probe results name it. */
@Component
public class RuntimeInstance {

  public static final String RUNTIME = "workflow-worker";

  private final String instanceId;
  private final String version;

  RuntimeInstance(WorkerProperties properties) {
    this.instanceId =
        properties.instanceId().isBlank()
            ? hostName() + "-" + ProcessHandle.current().pid()
            : properties.instanceId();
    String implementationVersion = RuntimeInstance.class.getPackage().getImplementationVersion();
    this.version = implementationVersion == null ? "dev" : implementationVersion;
  }

  public String instanceId() {
    return instanceId;
  }

  public String version() {
    return version;
  }

  /** {@code workflow-worker/<instance id>}, the envelope source. */
  public String source() {
    return RUNTIME + "/" + instanceId;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
