package dev.flowgate.portal.base.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the portal's {@code @Scheduled} jobs: the tenant purge, the audit relay's sweep, audit retention. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
