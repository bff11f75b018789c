package dev.flowgate.gateway.workflow;

import dev.flowgate.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

  @Bean
  WorkflowTriggerPublisher workflowTriggerPublisher(GatewayProperties properties) {
    return new WorkflowTriggerPublisher(properties);
  }
}
