/**
 * The Flowgate portal: the UI for every persona (Vaadin Flow), the management REST API under
 * {@code /api/v1} and the gateways' control plane under {@code /internal/v1}. Packages are
 * features ({@code signup}, {@code routing}, {@code apikeys}, ...); {@code base} holds what they share.
 */
@NullMarked
package dev.flowgate.portal;

import org.jspecify.annotations.NullMarked;
