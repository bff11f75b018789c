package dev.flowgate.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.flowgate.portal.base.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Platform health: every runtime instance's last heartbeat, and up or down (down after three
 * missed beats, or when it reports itself DOWN). Heartbeats carry no configuration version, so the
 * version column is the runtime's build version.
 */
@Route(value = "admin/health", layout = MainLayout.class)
@PageTitle("Health · Flowgate admin")
@RolesAllowed("PLATFORM_ADMIN")
public class AdminHealthView extends Main {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  final Grid<RuntimeHeartbeats.RuntimeStatus> grid = new Grid<>();
  private final RuntimeHeartbeats heartbeats;

  public AdminHealthView(RuntimeHeartbeats heartbeats) {
    this.heartbeats = heartbeats;
    addClassNames("flowgate-page");
    grid.setId("admin-health-grid");
    grid.addColumn(RuntimeHeartbeats.RuntimeStatus::runtime).setHeader("Runtime").setAutoWidth(true);
    grid.addColumn(RuntimeHeartbeats.RuntimeStatus::instanceId).setHeader("Instance").setAutoWidth(true);
    grid.addColumn(s -> s.up() ? "up" : "down").setHeader("State").setAutoWidth(true);
    grid.addColumn(RuntimeHeartbeats.RuntimeStatus::reportedStatus).setHeader("Reported").setAutoWidth(true);
    grid.addColumn(s -> TIME.format(s.lastHeartbeat())).setHeader("Last heartbeat").setAutoWidth(true);
    grid.addColumn(RuntimeHeartbeats.RuntimeStatus::version).setHeader("Version").setAutoWidth(true);
    grid.setEmptyStateText("No heartbeat heard yet: runtimes beat every 10 s on NATS health.heartbeats");
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("admin-health-refresh");
    add(new H2("Platform health"), new Paragraph("A runtime is down after three missed heartbeats (30 s)."), refresh, grid);
    refresh();
  }

  void refresh() {
    grid.setItems(heartbeats.runtimes());
  }
}
