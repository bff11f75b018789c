/**
 * Small programs the local stack runs beside the real infrastructure: the Temporal dev server
 * ({@link dev.flowgate.stack.TemporalDevServer}), a Stripe-compatible stub
 * ({@link dev.flowgate.stack.StripeStub}), the demo upstream ({@link dev.flowgate.stack.EchoUpstream})
 * and the Kafka topic set-up ({@link dev.flowgate.stack.KafkaTopics}). All bind 127.0.0.1 only;
 * deploy/local/up starts them.
 */
package dev.flowgate.stack;
