package dev.flowgate.gateway.metering;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Event ids for the gateway's records: time-ordered UUIDs (version 7, RFC 9562) whose 74 random
 * bits come from {@link ThreadLocalRandom}. Consumers de-duplicate on them, so they must be unique,
 * not unguessable; {@code UUID.randomUUID()} draws from a SecureRandom that event loops contend on.
 */
final class EventIds {

  private EventIds() {}

  static UUID next() {
    return at(System.currentTimeMillis(), ThreadLocalRandom.current());
  }

  static UUID at(long epochMillis, RandomGenerator random) {
    long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
