package dev.flowgate.gateway.tracing;

import io.opentelemetry.api.trace.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

  /** On the SDK Boot configures: sampling ({@code FLOWGATE_OTEL_SAMPLING}) and export as in the other runtimes. */
  /**
   * Without any span processor (no collector configured) every recorded span would be thrown
   * away: the gateway then only propagates trace context, with fresh span ids, at no recording cost.
   */
  @Bean
  GatewayTracing gatewayTracing(Tracer tracer, ObjectProvider<SpanProcessors> processors) {
    SpanProcessors configured = processors.getIfAvailable();
    boolean recording = configured == null || !configured.list().isEmpty();
    return new GatewayTracing(tracer, recording);
  }
}
