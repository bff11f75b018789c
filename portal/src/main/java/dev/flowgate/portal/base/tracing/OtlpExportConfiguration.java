package dev.flowgate.portal.base.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
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

  /**
   * Without a collector, Boot's batching processor would queue every sampled span for no one (and
   * warn that its queue is full under load): the tracer gets the other processors only.
   */
  @Bean
  @ConditionalOnExpression("'${flowgate.tracing.otlp-endpoint:}'.isBlank()")
  SpanProcessors spanProcessorsWithoutExport(ObjectProvider<SpanProcessor> processors) {
    return SpanProcessors.of(processors.orderedStream().filter(p -> !(p instanceof BatchSpanProcessor)).toList());
  }
}
