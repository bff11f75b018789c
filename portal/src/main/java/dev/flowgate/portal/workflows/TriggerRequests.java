package dev.flowgate.portal.workflows;

import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.workflows.WorkflowTriggers.TriggerRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.databind.JsonNode;

/** The field rules of a trigger request; every error at once. */
final class TriggerRequests {

  static final Set<String> TYPES = Set.of("schedule", "manual", "api_route");
  static final Set<String> MISSED_RUN_POLICIES = Set.of("SKIP", "RUN_ONCE", "RUN_ALL");
  static final Set<String> MODES = Set.of("async", "passthrough");

  /** A request that passed the rules, normalised as stored. */
  record Valid(String type, @Nullable String cron, @Nullable String zone, @Nullable String missedRunPolicy,
      @Nullable UUID routeId, @Nullable String mode, @Nullable Integer version, @Nullable JsonNode inputTemplate) {}

  private TriggerRequests() {}

  /**
   * @param ownRoute whether a route id is one of the caller's routes
   * @param versionExists whether the workflow has that version
   */
  static Valid validate(TriggerRequest request, Predicate<UUID> ownRoute, Predicate<Integer> versionExists) {
    List<FieldError> errors = new ArrayList<>();
    String type = request.type() == null ? "" : request.type().strip().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      errors.add(new FieldError("type", "must be one of schedule, manual, api_route"));
    }
    String cron = null;
    String zone = null;
    String policy = null;
    if (type.equals("schedule")) {
      cron = request.cron() == null ? "" : request.cron().strip();
      cronErrors(cron, errors);
      zone = request.zone() == null || request.zone().isBlank() ? "UTC" : request.zone().strip();
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        errors.add(new FieldError("zone", "is not a known time zone"));
      }
      policy = request.missedRunPolicy() == null || request.missedRunPolicy().isBlank()
          ? "SKIP" : request.missedRunPolicy().strip().toUpperCase(Locale.ROOT);
      if (!MISSED_RUN_POLICIES.contains(policy)) {
        errors.add(new FieldError("missedRunPolicy", "must be one of SKIP, RUN_ONCE, RUN_ALL"));
      }
    } else if (request.cron() != null || request.zone() != null || request.missedRunPolicy() != null) {
      errors.add(new FieldError("cron", "only a schedule trigger has cron, zone and missedRunPolicy"));
    }
    UUID routeId = null;
    String mode = null;
    if (type.equals("api_route")) {
      routeId = route(request.routeId(), ownRoute, errors);
      mode = request.mode() == null || request.mode().isBlank() ? "async" : request.mode().strip().toLowerCase(Locale.ROOT);
      if (!MODES.contains(mode)) {
        errors.add(new FieldError("mode", "must be async or passthrough"));
      }
    } else {
      if (request.routeId() != null) {
        errors.add(new FieldError("routeId", "only an api_route trigger has a route"));
      }
      if (request.mode() != null) {
        errors.add(new FieldError("mode", "only an api_route trigger has a mode"));
      }
    }
    if (request.version() != null && (request.version() < 1 || !versionExists.test(request.version()))) {
      errors.add(new FieldError("version", "must be one of the workflow's versions, or absent for the current one"));
    }
    JsonNode template = request.inputTemplate();
    if (template != null && template.isNull()) {
      template = null;
    }
    if (template != null && !template.isObject()) {
      errors.add(new FieldError("inputTemplate", "must be a JSON object"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(type, cron, zone, policy, routeId, mode, request.version(), template);
  }

  private static void cronErrors(String cron, List<FieldError> errors) {
    if (cron.isEmpty()) {
      errors.add(new FieldError("cron", "must not be empty for a schedule trigger"));
    } else if (cron.split("\\s+").length != 6) {
      errors.add(new FieldError("cron", "must have 6 fields (seconds first)"));
    } else {
      try {
        CronExpression.parse(cron);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("cron", "is not a valid cron expression: " + e.getMessage()));
      }
    }
  }

  private static @Nullable UUID route(@Nullable String routeId, Predicate<UUID> ownRoute, List<FieldError> errors) {
    try {
      UUID id = routeId == null ? null : UUID.fromString(routeId.strip());
      if (id != null && ownRoute.test(id)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the one message below
    }
    errors.add(new FieldError("routeId", "must name one of your routes for an api_route trigger"));
    return null;
  }
}
