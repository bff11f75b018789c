/** Upstream services and routes, and the SSRF guard their URLs pass. */
@NullMarked
package dev.flowgate.portal.routing;

import org.jspecify.annotations.NullMarked;
