package dev.flowgate.worker.health;

/**
 * What a probe run saw.
 *
 * @param nonce the caller's value, echoed back
 * @param workflowId the run's workflow id
 * @param activityWorker identity of the worker that ran the activity
 */
public record ProbeResult(String nonce, String workflowId, String activityWorker) {}
