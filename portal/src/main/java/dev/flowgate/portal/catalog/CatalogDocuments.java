package dev.flowgate.portal.catalog;

import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** The tenant's OpenAPI document, generated on each request from its current routes. */
@Service
public class CatalogDocuments {

  private final ApiCatalog catalog;
  private final TenantService tenants;

  CatalogDocuments(ApiCatalog catalog, TenantService tenants) {
    this.catalog = catalog;
    this.tenants = tenants;
  }

  public ObjectNode openApi(Actor actor) {
    String title = tenants.find(actor.tenantId()).map(Tenant::getName).orElse("Tenant") + " APIs";
    return CatalogOpenApi.document(title, catalog.gatewayUrl(), catalog.services(actor));
  }
}
