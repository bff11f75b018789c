/** The gateway configuration snapshot and its invalidations. */
@NullMarked
package dev.flowgate.contracts.config;

import org.jspecify.annotations.NullMarked;
