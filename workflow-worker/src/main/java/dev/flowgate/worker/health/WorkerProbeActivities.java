package dev.flowgate.worker.health;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The probe's activity side. */
@ActivityInterface
public interface WorkerProbeActivities {

  /** Returns the identity of the worker that ran this activity. */
  @ActivityMethod
  String identify(String nonce);
}
