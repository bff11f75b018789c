package dev.flowgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void event_ids_are_version_7_uuids_that_carry_their_millisecond() {
    UUID id = EventIds.next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(Math.abs((id.getMostSignificantBits() >>> 16) - System.currentTimeMillis())).isLessThan(5_000);
  }

  @Test
  void event_ids_sort_by_time() {
    UUID earlier = EventIds.at(1_700_000_000_000L, java.util.concurrent.ThreadLocalRandom.current());
    UUID later = EventIds.at(1_700_000_000_001L, java.util.concurrent.ThreadLocalRandom.current());

    assertThat(earlier.toString()).isLessThan(later.toString());
  }

  @Test
  void event_ids_drawn_on_many_threads_at_once_never_repeat() {
    Set<UUID> ids = ConcurrentHashMap.newKeySet();

    IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(EventIds.next()));

    assertThat(ids).hasSize(200_000);
  }
}
