package dev.flowgate.worker.schedules;

/** What a schedule does with fire times it missed while no scheduler ran (PRODUCT.md, "Defaults"). */
public enum MissedRunPolicy {
  /** Missed fire times start nothing. */
  SKIP,
  /** All missed fire times together start one run, at the latest of them. */
  RUN_ONCE,
  /** Every missed fire time starts its run, the latest {@value FireTimes#RUN_ALL_LIMIT} at most. */
  RUN_ALL
}
