/** Portal users (people who sign in), their roles, the team and invitations by link. */
@NullMarked
package dev.flowgate.portal.accounts;

import org.jspecify.annotations.NullMarked;
