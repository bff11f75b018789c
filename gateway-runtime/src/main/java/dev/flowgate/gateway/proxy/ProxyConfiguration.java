package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Pipeline;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

  @Bean
  Pipeline pipeline(GatewayProperties properties, Clock clock) {
    return Pipeline.standard(properties.domain(), new ApiKeyAuthenticator(properties.pepperBytes(), clock));
  }

  @Bean
  UpstreamAddressGuard upstreamAddressGuard(GatewayProperties properties) {
    return new UpstreamAddressGuard(properties.upstream().allow());
  }

  @Bean
  GatewayServer gatewayServer(
      GatewayProperties properties, RuntimeConfigHolder holder, Pipeline pipeline, UpstreamAddressGuard guard,
      CallMetering metering) {
    return new GatewayServer(properties, holder, pipeline, guard, metering);
  }
}
