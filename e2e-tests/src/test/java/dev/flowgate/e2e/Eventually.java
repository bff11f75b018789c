package dev.flowgate.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Configuration reaches gateways asynchronously: repeat a call until it answers as expected. */
public final class Eventually {

  private Eventually() {}

  /** The first answer that satisfies {@code done}, or the last one once {@code within} has passed. */
  public static <T> T poll(Supplier<T> call, Predicate<T> done, Duration within) {
    Instant deadline = Instant.now().plus(within);
    T answer = call.get();
    while (!done.test(answer) && Instant.now().isBefore(deadline)) {
      sleep(100);
      answer = call.get();
    }
    return answer;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
