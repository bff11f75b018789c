package dev.flowgate.gateway.workflow;

import dev.flowgate.gateway.config.GatewayNats;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

  @Bean
  WorkflowTriggerPublisher workflowTriggerPublisher(GatewayNats nats) {
    return new WorkflowTriggerPublisher(nats);
  }
}
