package dev.flowgate.portal.catalog;

import dev.flowgate.portal.base.security.TenantPrincipal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog of the caller's tenant: its routes by service, their OpenAPI document, and the
 * try-it console ({@code POST /try}, developers and up, see {@code Roles}).
 */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

  private final ApiCatalog catalog;
  private final CatalogDocuments documents;
  private final GatewayConsole console;

  CatalogController(ApiCatalog catalog, CatalogDocuments documents, GatewayConsole console) {
    this.catalog = catalog;
    this.documents = documents;
    this.console = console;
  }

  @GetMapping
  List<CatalogService> services(@AuthenticationPrincipal TenantPrincipal principal) {
    return catalog.services(principal.actor());
  }

  @GetMapping(value = "/openapi.json", produces = "application/json")
  ObjectNode openApi(@AuthenticationPrincipal TenantPrincipal principal) {
    return documents.openApi(principal.actor());
  }

  @PostMapping("/try")
  TryResponse tryIt(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody TryRequest request) {
    return console.send(principal.actor(), request);
  }
}
