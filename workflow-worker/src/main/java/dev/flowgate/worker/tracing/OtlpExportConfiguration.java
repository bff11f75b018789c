package dev.flowgate.worker.tracing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sends spans over OTLP/HTTP only when {@code flowgate.tracing.otlp-endpoint}
 * ({@code FLOWGATE_OTEL_ENDPOINT}) names a collector. Boot's own endpoint property would start an
 * exporter for any value, even an empty one (what Compose and Kubernetes pass for "none"); without
 * this bean no exporter exists, nothing retries an absent collector, and trace context still
 * propagates and reaches the logs.
 */
@Configuration(proxyBeanMethods = false)
class OtlpExportConfiguration {

  @Bean
  @ConditionalOnExpression("!'${flowgate.tracing.otlp-endpoint:}'.isBlank()")
  OtlpTracingConnectionDetails otlpTracingConnectionDetails(Environment environment) {
    String endpoint = environment.getRequiredProperty("flowgate.tracing.otlp-endpoint").strip();
    return transport -> endpoint;
  }
}
