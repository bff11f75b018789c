/**
 * Flowgate gateway runtime: a stateless reverse proxy that authenticates, routes and meters every
 * call with the configuration the portal publishes.
 *
 * <p>A request runs through small {@link dev.flowgate.gateway.pipeline.RequestStage stages}
 * (host tenant, credential, tenant consistency, route, scope, billing quota, rate limits) and is then forwarded upstream by
 * {@code proxy}; every failure ends as one RFC 9457 problem from {@code problems}.
 */
@NullMarked
package dev.flowgate.gateway;

import org.jspecify.annotations.NullMarked;
