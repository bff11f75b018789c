/** Portal users (people who sign in) and their roles. */
@NullMarked
package dev.flowgate.portal.accounts;

import org.jspecify.annotations.NullMarked;
