/** Self-service sign-up (API and view): a tenant, its owner and a first management token. */
@NullMarked
package dev.flowgate.portal.signup;

import org.jspecify.annotations.NullMarked;
