/**
 * The messages Flowgate's runtime modules exchange over Kafka, NATS and the control-plane API.
 *
 * <p>Every message travels inside an {@link dev.flowgate.contracts.Envelope}; its payload is one
 * of the records in the sub-packages. The JSON form is the contract: field names and shapes are
 * pinned by tests, and a change that breaks them needs a new {@code schemaVersion}.
 */
@NullMarked
package dev.flowgate.contracts;

import org.jspecify.annotations.NullMarked;
