package dev.flowgate.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The data plane. The proxy listens on {@code flowgate.gateway.proxy-port} (8000, Vert.x); Spring's
 * own server (8001) serves only health and {@code /metrics}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    // Vert.x checks every header name and value set on a message for CR/LF and illegal
    // characters, a few per cent of the proxy's CPU. Every header the gateway sets is either
    // parsed from a message by Netty's decoder (which already rejects those) or built from the
    // snapshot, which HeaderTransform and CorsPolicy sanitise once when it loads.
    System.setProperty("vertx.disableHttpHeadersValidation", "true");
    SpringApplication.run(GatewayApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
