/**
 * The gateways' control plane: the config version, the snapshot they pull and the invalidations
 * pushed on NATS after every committed change.
 */
@NullMarked
package dev.flowgate.portal.controlplane;

import org.jspecify.annotations.NullMarked;
