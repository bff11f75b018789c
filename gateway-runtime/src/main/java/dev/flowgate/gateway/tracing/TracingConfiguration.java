package dev.flowgate.gateway.tracing;

import io.opentelemetry.api.trace.Tracer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

  /** On the SDK Boot configures: sampling ({@code FLOWGATE_OTEL_SAMPLING}) and export as in the other runtimes. */
  @Bean
  GatewayTracing gatewayTracing(Tracer tracer) {
    return new GatewayTracing(tracer);
  }
}
