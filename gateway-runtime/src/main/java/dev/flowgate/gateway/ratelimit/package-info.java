/**
 * Rate limits: a token bucket per API key, per route and per tenant plan, all of which apply.
 * Buckets are counted locally on the request path; a background task reports consumption to
 * Redis every sync interval and adopts the global state, so gateways sharing a limit overshoot it
 * only by what arrives within one Redis round trip. While Redis is unreachable each gateway keeps
 * enforcing every limit on its own.
 */
@NullMarked
package dev.flowgate.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
