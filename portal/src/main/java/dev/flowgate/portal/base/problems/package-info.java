/** Exceptions the features throw and the one advice that turns them into problem details. */
@NullMarked
package dev.flowgate.portal.base.problems;

import org.jspecify.annotations.NullMarked;
