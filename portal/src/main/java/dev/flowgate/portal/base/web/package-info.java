/**
 * What every REST endpoint shares, each in one place:
 *
 * <ul>
 *   <li>paging: {@link PageResponse} bodies with {@code Link} (first, prev, next, last) and
 *       {@code X-Total-Count} headers ({@code PageLinks}); {@code page}, {@code size} (1–100) and
 *       {@code sort} checked against each list's {@link SortFields} ({@code PagingInterceptor});
 *       {@link SqlOrder} for JDBC lists;
 *   <li>conditional writes: every single-resource GET carries {@link ETags#of} ({@code ETagHeaders});
 *       PATCH, PUT and DELETE compare {@code If-Match} with {@link ETags#requireMatch} inside their
 *       transaction (412 when stale). A write without {@code If-Match} is accepted on purpose (last
 *       write wins), so clients that never read first keep working;
 *   <li>{@code Idempotency-Key} on every POST ({@code IdempotencyFilter}, rows with an expiry);
 *   <li>the generated OpenAPI document with its problem types and examples.
 * </ul>
 */
@NullMarked
package dev.flowgate.portal.base.web;

import org.jspecify.annotations.NullMarked;
