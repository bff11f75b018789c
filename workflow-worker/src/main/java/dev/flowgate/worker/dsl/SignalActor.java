package dev.flowgate.worker.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a signal, carried inside the signal's payload under the reserved key {@value #KEY}:
 * {@code "actor": {"id": "<user id>", "role": "owner|admin|developer|viewer|billing"}}.
 *
 * <p>The contract's {@code WorkflowSignalled} (frozen) has an {@code actorId} but no role, so the
 * role travels in its JSON payload. The worker never trusts an {@code actor} that came in the
 * caller's body: the internal API replaces it with the trusted headers {@value #ID_HEADER} and
 * {@value #ROLE_HEADER} set by the portal, and a JetStream signal's id is the envelope's
 * {@code actorId} (only trusted publishers reach JetStream).
 */
public final class SignalActor {

  public static final String KEY = "actor";
  public static final String ID_HEADER = "Flowgate-Actor-Id";
  public static final String ROLE_HEADER = "Flowgate-Actor-Role";
  /** The portal's tenant roles. */
  public static final List<String> ROLES = List.of("owner", "admin", "developer", "viewer", "billing");

  private SignalActor() {}

  /** {@code payload} with its {@value #KEY} replaced by {@code id} and {@code role} (removed when both are null). */
  public static Map<String, Object> attach(
      @Nullable Map<String, Object> payload, @Nullable String id, @Nullable String role) {
    Map<String, Object> out = new LinkedHashMap<>(payload == null ? Map.of() : payload);
    out.remove(KEY);
    if (id != null || role != null) {
      Map<String, Object> actor = new LinkedHashMap<>();
      actor.put("id", id);
      actor.put("role", role);
      out.put(KEY, actor);
    }
    return out;
  }

  /** The sender's role as the payload names it, or null. */
  static @Nullable String role(Map<String, Object> payload) {
    return payload.get(KEY) instanceof Map<?, ?> actor && actor.get("role") instanceof String role ? role : null;
  }

  /** The sender's id as the payload names it, or null. */
  static @Nullable String id(Map<String, Object> payload) {
    return payload.get(KEY) instanceof Map<?, ?> actor && actor.get("id") instanceof String id ? id : null;
  }
}
