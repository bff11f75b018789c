/**
 * The proxy: Vert.x HTTP server on the proxy port, one verticle and upstream client per event
 * loop. Forwards with header hygiene (hop-by-hop headers dropped both ways, the Flowgate
 * credential never forwarded, {@code X-Request-ID}, {@code traceparent} and
 * {@code X-Forwarded-*} set), streams bodies both ways, refuses internal upstream addresses at
 * connect time, and turns every failure into one problem: refused → 502, timeouts → 504. Bodies
 * a policy needs whole (schema validation, workflow triggers) are read once, bounded; cached GET
 * answers are served without the upstream; responses are compressed with brotli or gzip.
 */
@NullMarked
package dev.flowgate.gateway.proxy;

import org.jspecify.annotations.NullMarked;
