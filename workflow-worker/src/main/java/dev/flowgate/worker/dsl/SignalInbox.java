package dev.flowgate.worker.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Signals received by a run, by name, kept until a {@code wait_for_signal} step takes them. */
final class SignalInbox {

  private final Map<String, Deque<Map<String, Object>>> received = new HashMap<>();

  void add(String name, Map<String, Object> payload) {
    received.computeIfAbsent(name, n -> new ArrayDeque<>()).add(payload);
  }

  boolean has(String name) {
    Deque<Map<String, Object>> queue = received.get(name);
    return queue != null && !queue.isEmpty();
  }

  Map<String, Object> take(String name) {
    return received.get(name).poll();
  }
}
