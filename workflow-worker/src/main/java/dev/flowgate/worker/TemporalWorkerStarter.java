package dev.flowgate.worker;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the Temporal workers, and keeps trying while Temporal is unreachable.
 *
 * <p>The starter's own start-up ({@code spring.temporal.start-workers}) is switched off because it
 * fails the whole application when Temporal is down at boot; here the process stays up, reports
 * readiness DOWN, and starts polling as soon as Temporal answers. A failed
 * {@link WorkerFactory#start()} leaves the factory in its initial state, so it can be retried.
 */
@Component
class TemporalWorkerStarter implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TemporalWorkerStarter.class);

  private final WorkerFactory workers;
  private boolean warned;

  TemporalWorkerStarter(WorkerFactory workers) {
    this.workers = workers;
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${flowgate.worker.start-retry-interval:5s}")
  synchronized void startWhenReachable() {
    if (workers.isStarted() || workers.isShutdown()) {
      return;
    }
    try {
      workers.start();
      log.info("Temporal workers started on task queue {}", TaskQueues.WORKFLOWS);
      warned = false;
    } catch (RuntimeException e) {
      if (!warned) {
        log.warn("Temporal is not reachable yet, workers not started; retrying: {}", e.getMessage());
        warned = true;
      }
    }
  }

  @Override
  public synchronized void destroy() throws InterruptedException {
    if (workers.isStarted() && !workers.isShutdown()) {
      workers.shutdown();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
