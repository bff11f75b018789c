package dev.flowgate.billing.metering;

import dev.flowgate.contracts.calls.ApiCallRecorded;

/** Running totals for one {@link UsageKey} (hourly or daily); added to the stored row by an upsert. */
final class UsageTotals {

  private final UsageKey key;
  private long calls;
  private long errors;
  private long serverErrors;
  private long requestBytes;
  private long responseBytes;
  private long latencySumMs;
  private long latencyMaxMs;
  private final LatencyHistogram histogram = new LatencyHistogram();

  UsageTotals(UsageKey key) {
    this.key = key;
  }

  void add(ApiCallRecorded call) {
    long latency = Math.max(0, call.latencyMs());
    calls++;
    if (call.status() >= 400) {
      errors++;
    }
    if (call.status() >= 500) {
      serverErrors++;
    }
    requestBytes += Math.max(0, call.requestBytes());
    responseBytes += Math.max(0, call.responseBytes());
    latencySumMs += latency;
    latencyMaxMs = Math.max(latencyMaxMs, latency);
    histogram.record(latency);
  }

  UsageKey key() {
    return key;
  }

  long calls() {
    return calls;
  }

  long errors() {
    return errors;
  }

  long serverErrors() {
    return serverErrors;
  }

  long requestBytes() {
    return requestBytes;
  }

  long responseBytes() {
    return responseBytes;
  }

  long latencySumMs() {
    return latencySumMs;
  }

  long latencyMaxMs() {
    return latencyMaxMs;
  }

  LatencyHistogram histogram() {
    return histogram;
  }
}
