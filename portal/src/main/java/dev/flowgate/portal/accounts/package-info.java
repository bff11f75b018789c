/**
 * Portal users (people who sign in, with a password or through an OIDC provider's verified email),
 * their roles, the team and invitations by link.
 */
@NullMarked
package dev.flowgate.portal.accounts;

import org.jspecify.annotations.NullMarked;
