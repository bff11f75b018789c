/** API keys for API consumers: issued with a secret shown once, rotated with a grace period, revoked. */
@NullMarked
package dev.flowgate.portal.apikeys;

import org.jspecify.annotations.NullMarked;
