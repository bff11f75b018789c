package dev.flowgate.billing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Every span billing ends, kept in memory as soon as it ends (production batches them to OTLP). */
@TestConfiguration(proxyBeanMethods = false)
public class TestSpans {

  /** Not a {@code SpanExporter} bean itself, which Boot would also hand to its batching processor. */
  public record Recorded(InMemorySpanExporter exporter) {}

  @Bean
  Recorded recordedSpans() {
    return new Recorded(InMemorySpanExporter.create());
  }

  @Bean
  SpanProcessor inMemorySpans(Recorded recorded) {
    return SimpleSpanProcessor.create(recorded.exporter());
  }
}
