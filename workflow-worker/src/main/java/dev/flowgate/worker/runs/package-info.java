/**
 * Runs: the run index in PostgreSQL (schema {@code workflows}) that the interpreting workflow
 * updates as steps progress, starting/signalling/cancelling runs, and the worker's internal API.
 */
@NullMarked
package dev.flowgate.worker.runs;

import org.jspecify.annotations.NullMarked;
