package dev.flowgate.worker.steps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StepsConfiguration {

  @Bean
  UpstreamGuard upstreamGuard(StepsProperties properties) {
    return UpstreamGuard.of(properties.upstreamAllow());
  }

  @Bean(destroyMethod = "close")
  StepHttpClient stepHttpClient(UpstreamGuard guard, StepsProperties properties) {
    return new StepHttpClient(guard, properties);
  }
}
