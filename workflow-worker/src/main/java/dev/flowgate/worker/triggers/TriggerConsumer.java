package dev.flowgate.worker.triggers;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.Subjects;
import dev.flowgate.contracts.workflow.WorkflowSignalled;
import dev.flowgate.contracts.workflow.WorkflowTriggered;
import dev.flowgate.worker.dsl.SignalActor;
import dev.flowgate.worker.nats.NatsConnector;
import dev.flowgate.worker.runs.RunStarter;
import dev.flowgate.worker.tracing.TraceContexts;
import io.nats.client.Message;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts runs from {@code workflow.triggers.{tenant}} and signals them from
 * {@code workflow.signals.{tenant}}, each through a durable JetStream consumer. A trigger's
 * execution id is the run's workflow id, so a redelivered trigger starts no second run. While
 * Temporal is away a trigger waits, unacknowledged, and starts its run when Temporal answers again.
 * Starting a run is a span continuing the trace of the call that triggered it (the message's
 * {@code traceparent}); waiting for Temporal is none.
 */
@Component
class TriggerConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TriggerConsumer.class);
  private static final AttributeKey<String> TENANT = AttributeKey.stringKey("flowgate.tenant.id");
  private static final AttributeKey<String> EXECUTION = AttributeKey.stringKey("flowgate.workflow.execution.id");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("flowgate.trigger.outcome");

  private final TriggersProperties properties;
  private final RunStarter runs;
  private final PortalDefinitions definitions;
  private final EngineAvailability engine;
  private final List<JetStreamLoop> loops;
  private final Tracer tracer;
  private volatile boolean running;

  TriggerConsumer(NatsConnector nats, TriggersProperties properties, RunStarter runs, PortalDefinitions definitions,
      EngineAvailability engine, Tracer tracer) {
    this.properties = properties;
    this.tracer = tracer;
    this.runs = runs;
    this.definitions = definitions;
    this.engine = engine;
    this.loops = List.of(
        new JetStreamLoop(nats, properties, properties.durablePrefix() + "-triggers", Subjects.WORKFLOW_TRIGGERS_ALL, this::trigger),
        new JetStreamLoop(nats, properties, properties.durablePrefix() + "-signals", Subjects.WORKFLOW_SIGNALS_ALL, this::signal));
  }

  JetStreamLoop.Outcome trigger(Message message) {
    // asked before any span: while the engine is away the loop comes back every couple of seconds,
    // and a span per such wait would bury the one attempt that starts the run
    if (!engine.available()) {
      return JetStreamLoop.Outcome.WAIT;
    }
    Span span = tracer.spanBuilder("workflow.run.start")
        .setParent(TraceContexts.extract(message))
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "nats")
        .setAttribute("messaging.destination.name", message.getSubject())
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      JetStreamLoop.Outcome outcome = startRun(message, span);
      span.setAttribute(OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
      if (outcome == JetStreamLoop.Outcome.DROP) {
        span.setStatus(StatusCode.ERROR);
      }
      return outcome;
    } finally {
      span.end();
    }
  }

  private JetStreamLoop.Outcome startRun(Message message, Span span) {
    Envelope<WorkflowTriggered> envelope;
    try {
      envelope = EventCodec.envelope(message.getData(), WorkflowTriggered.class);
    } catch (RuntimeException e) {
      log.error("dropping a malformed trigger on {}: {}", message.getSubject(), e.getMessage());
      return JetStreamLoop.Outcome.DROP;
    }
    WorkflowTriggered trigger = envelope.payload();
    span.setAttribute(TENANT, trigger.tenantId().toString());
    span.setAttribute(EXECUTION, trigger.executionId());
    try {
      // the gateway names no version (its snapshot has none): the run takes the current one
      PortalDefinitions.Versioned definition =
          definitions.fetchVersion(trigger.tenantId(), trigger.workflowId().toString(), trigger.workflowVersion());
      @SuppressWarnings("unchecked")
      Map<String, Object> input = trigger.input() == null ? Map.of() : EventCodec.mapper().convertValue(trigger.input(), Map.class);
      runs.start(trigger.tenantId(), trigger.workflowId().toString(), definition.version(), definition.definition(), input,
          trigger.executionId(), trigger.triggerType());
      return JetStreamLoop.Outcome.ACK;
    } catch (PortalDefinitions.MissingDefinitionException | RunStarter.InvalidDefinitionException
        | RunStarter.RunNotFoundException e) {
      log.error("dropping trigger {}: {}", trigger.executionId(), e.getMessage());
      return JetStreamLoop.Outcome.DROP;
    } catch (IOException e) {
      log.warn("trigger {} waits for the portal: {}", trigger.executionId(), e.getMessage());
      return JetStreamLoop.Outcome.RETRY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JetStreamLoop.Outcome.RETRY;
    } catch (RuntimeException e) {
      if (engine.awayAfter(e)) {
        // registered in the run index but not started: starting again under the same id is idempotent
        log.warn("trigger {} waits for the workflow engine: {}", trigger.executionId(), e.toString());
        return JetStreamLoop.Outcome.WAIT;
      }
      throw e;
    }
  }

  JetStreamLoop.Outcome signal(Message message) {
    try {
      WorkflowSignalled signal = EventCodec.envelope(message.getData(), WorkflowSignalled.class).payload();
      @SuppressWarnings("unchecked")
      Map<String, Object> payload = signal.payload() == null ? Map.of() : EventCodec.mapper().convertValue(signal.payload(), Map.class);
      // WorkflowSignalled has an actorId but no role: the role rides in the payload's actor.role
      String role = payload.get(SignalActor.KEY) instanceof Map<?, ?> actor && actor.get("role") instanceof String r ? r : null;
      runs.signal(signal.tenantId(), signal.executionId(), signal.signal(), payload,
          signal.actorId() == null ? null : signal.actorId().toString(), role);
      return JetStreamLoop.Outcome.ACK;
    } catch (RunStarter.RunNotFoundException | RunStarter.RunNotRunningException e) {
      log.warn("dropping a signal: {}", e.getMessage());
      return JetStreamLoop.Outcome.DROP;
    }
  }

  @Override
  public synchronized void start() {
    if (running || !properties.enabled()) {
      return;
    }
    for (JetStreamLoop loop : loops) {
      Thread.ofPlatform().daemon().name("jetstream-" + loops.indexOf(loop)).start(loop);
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    loops.forEach(JetStreamLoop::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
