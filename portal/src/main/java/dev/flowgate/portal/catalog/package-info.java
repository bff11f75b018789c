/**
 * The API catalog: a tenant's routes grouped by service with their gateway URLs and policies, an
 * OpenAPI 3 document generated from them, and a try-it console that calls a route through the
 * configured gateway (never any other address) with a key the user types in and nobody stores.
 */
@NullMarked
package dev.flowgate.portal.catalog;

import org.jspecify.annotations.NullMarked;
