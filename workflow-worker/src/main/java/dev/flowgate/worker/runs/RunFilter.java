package dev.flowgate.worker.runs;

import dev.flowgate.worker.dsl.RunState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Which runs a list shows: of one status, started in {@code [from, to)}; null means any. */
public record RunFilter(@Nullable RunState status, @Nullable Instant from, @Nullable Instant to) {

  public static final RunFilter ANY = new RunFilter(null, null, null);
}
