package dev.flowgate.portal.configascode;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code GET /api/v1/config} exports the caller's tenant configuration as JSON, or YAML with
 * {@code Accept: application/yaml}; {@code PUT} applies one (either format) as a diff
 * ({@code ?dryRun=true} shows the diff and changes nothing; {@code ?prune=true} also deletes what
 * the document does not name).
 */
@RestController
class ConfigController {

  static final String YAML = "application/yaml";
  private static final YAMLMapper YAML_MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final TenantConfigService config;

  ConfigController(TenantConfigService config) {
    this.config = config;
  }

  @GetMapping(value = "/api/v1/config", produces = MediaType.APPLICATION_JSON_VALUE)
  TenantConfig export(@AuthenticationPrincipal TenantPrincipal principal) {
    return config.export(principal.actor());
  }

  /** The same ETag as the JSON export's: it tags the configuration, not its representation. */
  @GetMapping(value = "/api/v1/config", produces = YAML)
  ResponseEntity<String> exportYaml(@AuthenticationPrincipal TenantPrincipal principal) {
    TenantConfig current = config.export(principal.actor());
    // through the JSON tree, so YAML shows exactly what JSON shows
    return ResponseEntity.ok().eTag(ETags.of(current))
        .body(YAML_MAPPER.writeValueAsString(EventCodec.mapper().valueToTree(current)));
  }

  @PutMapping(value = "/api/v1/config", consumes = MediaType.APPLICATION_JSON_VALUE)
  TenantConfig.ApplyResult apply(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody TenantConfig document,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean prune,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return config.apply(principal.actor(), document, dryRun, prune, ifMatch);
  }

  @PutMapping(value = "/api/v1/config", consumes = YAML)
  TenantConfig.ApplyResult applyYaml(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody String yaml,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean prune,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    TenantConfig document;
    try {
      document = EventCodec.mapper().treeToValue(YAML_MAPPER.readTree(yaml), TenantConfig.class);
    } catch (JacksonException e) {
      throw new InvalidInputException("document", "is not a valid configuration document: " + e.getOriginalMessage());
    }
    return config.apply(principal.actor(), document, dryRun, prune, ifMatch);
  }
}
