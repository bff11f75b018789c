/**
 * Fuzz tests (Jazzer, {@code @FuzzTest}). In every build they run in regression mode: each input
 * under {@code src/test/resources/dev/flowgate/portal/fuzz/<Class>Inputs/<method>/} once, plus an
 * empty one, in milliseconds. To fuzz for real (coverage-guided, up to each test's
 * {@code maxDuration}; a finding is written to that inputs directory, where it then stays as a
 * regression input):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -ntp -pl portal test -Dtest=UpstreamGuardFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Fuzz one method at a time ({@code -Dtest=Class#method}): Jazzer fuzzes only the first fuzz test
 * it meets in a JVM. Longer runs: raise {@code maxDuration} locally.
 */
package dev.flowgate.portal.fuzz;
