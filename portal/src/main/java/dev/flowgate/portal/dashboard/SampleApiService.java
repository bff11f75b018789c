package dev.flowgate.portal.dashboard;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteRequest;
import dev.flowgate.portal.routing.ServiceRequest;
import dev.flowgate.portal.routing.ServiceView;
import dev.flowgate.portal.routing.UpstreamManagement;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Create sample API": service {@code sample} and route {@code /sample}, unless they exist. */
@Service
public class SampleApiService {

  static final String NAME = "sample";
  /** A path of the sample API that answers 200, for "try it" lines. */
  static final String TRY_PATH = "/sample/hello";

  private final UpstreamManagement services;
  private final RouteManagement routes;
  private final PortalProperties properties;

  SampleApiService(UpstreamManagement services, RouteManagement routes, PortalProperties properties) {
    this.services = services;
    this.routes = routes;
    this.properties = properties;
  }

  /** @return true when something was created, false when the sample API already existed */
  @Transactional
  public boolean ensure(Actor actor) {
    boolean created = false;
    ServiceView service = services.findByName(actor, NAME).orElse(null);
    if (service == null) {
      service = services.create(actor, new ServiceRequest(NAME, properties.sampleUpstreamUrl(), null, null, null, null));
      created = true;
    }
    if (!routes.existsByName(actor, NAME)) {
      routes.create(actor, new RouteRequest(NAME, service.id(), List.of("/sample"), List.of(), List.of(), true, List.of()));
      created = true;
    }
    return created;
  }
}
