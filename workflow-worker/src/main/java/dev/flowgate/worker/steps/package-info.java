/**
 * One activity interface and {@code Impl} pair per step kind that leaves the workflow
 * ({@code http_request}, {@code webhook}, {@code notify}, and JSONata evaluation for
 * {@code transform}/{@code condition}), plus the SSRF guard and webhook signer they share.
 */
@NullMarked
package dev.flowgate.worker.steps;

import org.jspecify.annotations.NullMarked;
