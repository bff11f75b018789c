package dev.flowgate.gateway.metering;

import dev.flowgate.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeteringConfiguration {

  @Bean
  ApiCallPublisher apiCallPublisher(GatewayProperties properties, MeterRegistry registry) {
    if (!properties.kafka().enabled()) {
      LoggerFactory.getLogger(MeteringConfiguration.class).warn("Kafka disabled: api.calls records are not published");
      return record -> { };
    }
    return new KafkaApiCallPublisher(properties.kafka(), properties.kafka().spoolDir(properties.stateDir()), registry);
  }

  @Bean
  CallMetering callMetering(
      MeterRegistry registry, ApiCallPublisher publisher, Clock clock, GatewayProperties properties) {
    return new CallMetering(registry, publisher, clock, properties.source());
  }
}
