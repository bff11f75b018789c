/**
 * Which route serves a request: by host, method and path, the most specific route winning.
 *
 * <p>Route paths: {@code /orders} (or {@code /orders/*}) is a prefix on segment boundaries and
 * matches {@code /orders}, {@code /orders/} and {@code /orders/7} but not {@code /orders-old};
 * {@code =/health} matches exactly {@code /health}. Hosts are exact ({@code api.acme.com}) or one
 * leading wildcard ({@code *.acme.com}). More specific wins: a listed host over none, an exact host
 * over a wildcard, an exact path over a prefix, a longer prefix over a shorter one, listed methods
 * over any method.
 */
@NullMarked
package dev.flowgate.gateway.routing;

import org.jspecify.annotations.NullMarked;
