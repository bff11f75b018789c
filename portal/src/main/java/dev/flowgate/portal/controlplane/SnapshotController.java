package dev.flowgate.portal.controlplane;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/v1/gateway/snapshot}: what the gateways pull, with an ETag of the version. */
@RestController
class SnapshotController {

  private final SnapshotService snapshots;
  private final ConfigChanges changes;

  SnapshotController(SnapshotService snapshots, ConfigChanges changes) {
    this.snapshots = snapshots;
    this.changes = changes;
  }

  @GetMapping("/internal/v1/gateway/snapshot")
  ResponseEntity<String> snapshot(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
    if (ifNoneMatch != null && ifNoneMatch.equals(etag(changes.currentVersion()))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ifNoneMatch).build();
    }
    GatewaySnapshot snapshot = snapshots.current();
    return ResponseEntity.ok()
        .eTag(etag(snapshot.version()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(EventCodec.toJson(snapshot));
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }
}
