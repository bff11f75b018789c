/**
 * Who is calling: API keys looked up by their HMAC digest in the snapshot (the current secret, or
 * a rotated-out one still in its grace period), and what the key may call.
 */
@NullMarked
package dev.flowgate.gateway.auth;

import org.jspecify.annotations.NullMarked;
