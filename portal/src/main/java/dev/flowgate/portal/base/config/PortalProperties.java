package dev.flowgate.portal.base.config;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Portal settings, mapped from the {@code FLOWGATE_*} environment variables in application.yml.
 *
 * @param internalToken bearer token of every {@code /internal/**} call (FLOWGATE_INTERNAL_TOKEN, required)
 * @param keyPepper HMAC pepper of API key digests, shared with the gateways (FLOWGATE_KEY_PEPPER, required)
 * @param upstreamAllow CIDRs that upstream URLs may resolve into despite the SSRF guard
 * @param portalUrl the portal's address (FLOWGATE_PORTAL_URL); links to people use it unless {@code publicUrl} is set
 * @param workerUrl the workflow worker's internal API (FLOWGATE_WORKER_URL), for runs and signals
 * @param publicUrl where people's browsers reach the portal (FLOWGATE_PORTAL_PUBLIC_URL), for the
 *     invitation and password-reset links; empty: {@code portalUrl}, which in Compose and Kubernetes
 *     is the in-cluster address only the other runtimes reach
 */
@Validated
@ConfigurationProperties("flowgate.portal")
public record PortalProperties(
    @NotBlank(message = "is required: set FLOWGATE_INTERNAL_TOKEN") String internalToken,
    @NotBlank(message = "is required: set FLOWGATE_KEY_PEPPER") String keyPepper,
    @DefaultValue("http://127.0.0.1:8083") URI billingUrl,
    @DefaultValue("http://127.0.0.1:8000") String gatewayUrl,
    @DefaultValue("http://127.0.0.1:9100") String sampleUpstreamUrl,
    @DefaultValue List<String> upstreamAllow,
    @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
    @DefaultValue("http://127.0.0.1:8082") URI workerUrl,
    @DefaultValue("http://127.0.0.1:8080") String portalUrl,
    @DefaultValue("") String publicUrl) {

  /** The base of links people open (invitations, password resets), without a trailing slash. */
  public String linkBase() {
    return (publicUrl.isBlank() ? portalUrl : publicUrl.strip()).replaceAll("/+$", "");
  }

  public byte[] keyPepperBytes() {
    return keyPepper.getBytes(StandardCharsets.UTF_8);
  }
}
