/**
 * Workflow definitions: the portal is their system of record. Every save is a new immutable
 * version; the worker fetches pinned versions through the internal API.
 */
@NullMarked
package dev.flowgate.portal.workflows;

import org.jspecify.annotations.NullMarked;
