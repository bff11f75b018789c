/** The audit trail: append-only rows in {@code audit_logs}, mirrored to Kafka {@code audit.logs} through the {@code audit_outbox} relay. */
@NullMarked
package dev.flowgate.portal.audit;

import org.jspecify.annotations.NullMarked;
