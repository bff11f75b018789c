/**
 * One activity interface and {@code Impl} pair per step kind ({@code http_request},
 * {@code webhook}, {@code notify}, ...), called by the interpreter in {@code dsl}. Not built yet.
 */
@NullMarked
package dev.flowgate.worker.steps;

import org.jspecify.annotations.NullMarked;
