package dev.flowgate.gateway.proxy;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.config.RuntimeConfigHolder;
import dev.flowgate.gateway.metering.CallMetering;
import dev.flowgate.gateway.pipeline.Pipeline;
import dev.flowgate.gateway.tracing.GatewayTracing;
import dev.flowgate.gateway.workflow.WorkflowTriggerPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What every proxy verticle shares: thread-safe collaborators, built once by Spring.
 *
 * @param statuses {@code /_flowgate/workflow-runs/{id}}
 * @param jwks fetches the JWKS of {@code jwt_auth} routes once Vert.x runs
 * @param cache {@code response_cache} routes' responses
 * @param schemas {@code json_schema_validation} routes' request check
 * @param disconnects callers that left before their answer was complete
 * @param tracing a span per call
 */
record ProxyServices(
    GatewayProperties properties,
    RuntimeConfigHolder holder,
    Pipeline pipeline,
    UpstreamAddressGuard guard,
    CallMetering metering,
    UpstreamBreakers breakers,
    WorkflowTriggerPublisher publisher,
    WorkflowStatusProxy statuses,
    MeterRegistry registry,
    Clock clock,
    VertxJwksFetcher jwks,
    ResponseCache cache,
    SchemaGate schemas,
    ClientDisconnects disconnects,
    GatewayTracing tracing) {}
