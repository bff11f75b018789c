/**
 * Configuration: the gateway's settings, and the portal's snapshot (pulled with ETag every poll
 * interval and at once on {@code config.invalidations}, kept on disk, turned into an immutable
 * {@link dev.flowgate.gateway.config.RuntimeConfig} index). A snapshot that fails to parse or
 * validate never replaces a good one.
 */
@NullMarked
package dev.flowgate.gateway.config;

import org.jspecify.annotations.NullMarked;
