package dev.flowgate.bench.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's Spring Cloud Gateway (reactive): every path to one upstream, behind the same
 * kinds of work Flowgate does per call: an API-key digest check, an in-memory token bucket and
 * per-call metrics. No Redis, no Kafka: this is the cheaper side of the comparison.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScgBaselineApplication {

  public static void main(String[] args) {
    SpringApplication.run(ScgBaselineApplication.class, args);
  }

  @Bean
  RouteLocator routes(RouteLocatorBuilder builder, BenchProperties bench) {
    return builder.routes().route("bench", r -> r.path("/**").uri(bench.upstream())).build();
  }
}
