package dev.flowgate.billing.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowgate.billing.portal}: the portal's internal API, which owns the users
 * (billing asks it who a tenant's billing contacts are).
 *
 * @param url the portal's base address (FLOWGATE_PORTAL_URL)
 * @param timeout connect and read timeout of one call; short, an alert mail must not wait on a slow portal
 */
@ConfigurationProperties("flowgate.billing.portal")
public record PortalProperties(
    @DefaultValue("http://127.0.0.1:8080") String url,
    @DefaultValue("2s") Duration timeout) {

  public PortalProperties {
    url = url.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
  }
}
