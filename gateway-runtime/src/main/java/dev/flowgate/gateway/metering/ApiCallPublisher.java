package dev.flowgate.gateway.metering;

import dev.flowgate.contracts.Envelope;
import dev.flowgate.contracts.calls.ApiCallRecorded;

/** Where call records go. {@link #publish} must return at once, whatever the broker's state. */
public interface ApiCallPublisher {

  void publish(Envelope<ApiCallRecorded> record);
}
