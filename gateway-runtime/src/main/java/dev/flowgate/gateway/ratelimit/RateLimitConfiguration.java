package dev.flowgate.gateway.ratelimit;

import dev.flowgate.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flowgate.gateway.rate-limits.enabled", matchIfMissing = true)
class RateLimitConfiguration {

  @Bean(destroyMethod = "close")
  RateLimiter rateLimiter(GatewayProperties properties, MeterRegistry registry) {
    GatewayProperties.RateLimits settings = properties.rateLimits();
    RateLimiter limiter = RateLimiter.redis(
        settings.redisUrl(), settings.keyPrefix(), settings.syncInterval(), settings.redisTimeout());
    Gauge.builder("flowgate.gateway.rate.limit.shared", limiter, l -> l.shared() ? 1 : 0)
        .description("1 while rate limits are synced through Redis, 0 while enforced locally")
        .register(registry);
    Gauge.builder("flowgate.gateway.rate.limit.gateways", limiter, RateLimiter::gateways)
        .description("Gateways sharing rate limits, this one included")
        .register(registry);
    return limiter;
  }
}
