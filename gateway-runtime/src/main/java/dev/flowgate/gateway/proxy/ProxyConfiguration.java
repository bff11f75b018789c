package dev.flowgate.gateway.proxy;

import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.gateway.auth.ApiKeyAuthenticator;
import dev.flowgate.gateway.auth.JwksCache;
import dev.flowgate.gateway.auth.JwtVerifier;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Pipeline;
import dev.flowgate.gateway.quota.QuotaBlocks;
import dev.flowgate.gateway.ratelimit.RateLimiter;
import dev.flowgate.gateway.tracing.GatewayTracing;
import dev.flowgate.gateway.workflow.WorkflowTriggerPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ForkJoinPool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

  @Bean
  VertxJwksFetcher jwksFetcher(GatewayProperties properties, UpstreamAddressGuard guard) {
    return new VertxJwksFetcher(guard, properties.jwt());
  }

  @Bean
  Pipeline pipeline(
      GatewayProperties properties, Clock clock, ObjectProvider<RateLimiter> limiter, MeterRegistry registry,
      VertxJwksFetcher jwksFetcher, QuotaBlocks quotas) {
    GatewayProperties.RateLimits limits = properties.rateLimits();
    GatewayProperties.Jwt jwt = properties.jwt();
    JwtVerifier jwts = new JwtVerifier(
        new JwksCache(jwksFetcher, jwt.refetchInterval(), jwt.cacheTtl(), System::nanoTime,
            ForkJoinPool.commonPool()), clock, jwt.clockSkew());
    return Pipeline.standard(properties.domain(), new ApiKeyAuthenticator(properties.pepperBytes(), clock), jwts,
        properties.trustedProxies().stream().map(UpstreamAddressGuard.Cidr::parse).toList(),
        properties.limits().maxBodyBytes(), limiter.getIfAvailable(),
        new RateLimit(limits.defaultLimit(), (int) limits.defaultWindow().toSeconds()), registry, quotas, clock);
  }

  @Bean
  UpstreamAddressGuard upstreamAddressGuard(GatewayProperties properties) {
    return new UpstreamAddressGuard(properties.upstream().allow());
  }

  @Bean
  UpstreamBreakers upstreamBreakers(GatewayProperties properties, MeterRegistry registry) {
    return new UpstreamBreakers(properties.circuitBreaker(), registry);
  }

  @Bean
  GatewayServer gatewayServer(
      GatewayProperties properties, RuntimeConfigHolder holder, Pipeline pipeline, UpstreamAddressGuard guard,
      CallMetering metering, UpstreamBreakers breakers, WorkflowTriggerPublisher publisher, MeterRegistry registry,
      Clock clock, VertxJwksFetcher jwksFetcher, GatewayTracing tracing) {
    WorkflowStatusProxy statuses = new WorkflowStatusProxy(
        Pipeline.tenantOnly(properties.domain(), new ApiKeyAuthenticator(properties.pepperBytes(), clock)), properties);
    return new GatewayServer(
        new ProxyServices(properties, holder, pipeline, guard, metering, breakers, publisher, statuses, registry, clock,
            jwksFetcher, new ResponseCache(properties.cache(), registry),
            new SchemaGate(properties.limits().maxBodyBytes(), registry), new ClientDisconnects(registry), tracing));
  }
}
