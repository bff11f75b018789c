/**
 * Fuzz tests (Jazzer, {@code @FuzzTest}). In every build they run in regression mode: each input
 * under {@code src/test/resources/dev/flowgate/worker/fuzz/<Class>Inputs/<method>/} once, plus an
 * empty one, in milliseconds. To fuzz for real (coverage-guided, up to each test's
 * {@code maxDuration}; a finding is written to that inputs directory, where it then stays as a
 * regression input), one method at a time (Jazzer fuzzes only the first fuzz test it meets in a JVM):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -ntp -pl workflow-worker test -Dtest=DefinitionValidatorFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Longer runs: raise {@code maxDuration} locally.
 */
package dev.flowgate.worker.fuzz;
