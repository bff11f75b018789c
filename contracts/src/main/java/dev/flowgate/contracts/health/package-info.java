/** Runtime heartbeats. */
@NullMarked
package dev.flowgate.contracts.health;

import org.jspecify.annotations.NullMarked;
