/**
 * Route policies beyond authentication and rate limits: CORS, IP allow/deny lists, header
 * transforms and PII masking of JSON response bodies (whose text masker logging can use too).
 */
@NullMarked
package dev.flowgate.gateway.policies;

import org.jspecify.annotations.NullMarked;
