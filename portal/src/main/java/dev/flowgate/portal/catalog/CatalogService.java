package dev.flowgate.portal.catalog;

import java.util.List;
import java.util.UUID;

/** One upstream service and the routes that publish it, as the catalog groups them. */
public record CatalogService(UUID id, String name, List<CatalogRoute> routes) {}
