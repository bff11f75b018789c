/**
 * Route policies beyond authentication and rate limits: CORS, IP allow/deny lists, header
 * transforms and JSON body mappings (RFC 6901 pointers), PII masking of JSON response bodies (whose text masker logging can use too), JSON
 * Schema request validation and response caching, each parsed once per snapshot.
 */
@NullMarked
package dev.flowgate.gateway.policies;

import org.jspecify.annotations.NullMarked;
