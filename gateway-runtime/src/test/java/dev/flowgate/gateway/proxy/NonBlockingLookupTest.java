package dev.flowgate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.gateway.policies.IpFilter;
import dev.flowgate.gateway.support.RecordingResolverProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream hosts and {@code X-Forwarded-For} hops are read on an event loop: what only resembles an
 * IP literal must be refused there, never handed to the JDK's blocking resolver.
 */
class NonBlockingLookupTest {

  private static final List<String> LOOK_ALIKES =
      List.of("999.1.1.1", "300.2.3.4", "lookalike-name:80", "zzz:1", "::zz:1", "evil.example:8080");

  static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    assertThat(InetAddress.getByName(RecordingResolverProvider.CANARY).getHostAddress())
        .as("the recording resolver is in place").isEqualTo("192.0.2.1");
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static <T> T onEventLoop(Supplier<Future<T>> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    vertx.runOnContext(v -> work.get().onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result());
      } else {
        result.completeExceptionally(done.cause());
      }
    }));
    return result.get(5, TimeUnit.SECONDS);
  }

  @Test
  void hosts_that_only_resemble_ip_literals_are_refused_without_a_lookup() {
    for (String host : LOOK_ALIKES) {
      Future<InetAddress> resolved = UpstreamAddressGuard.resolve(vertx, host);

      assertThat(resolved.failed()).as(host).isTrue();
      assertThat(resolved.cause()).as(host).isInstanceOf(UnknownHostException.class);
    }
    assertThat(RecordingResolverProvider.lookups()).doesNotContainAnyElementsOf(LOOK_ALIKES);
  }

  @Test
  void ip_literals_resolve_at_once_on_the_event_loop() throws Exception {
    assertThat(onEventLoop(() -> UpstreamAddressGuard.resolve(vertx, "203.0.113.7")).getHostAddress())
        .isEqualTo("203.0.113.7");
    assertThat(onEventLoop(() -> UpstreamAddressGuard.resolve(vertx, "2001:db8::1")).getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void a_name_goes_to_the_asynchronous_resolver_not_the_jdks() throws Exception {
    String name = "localhost";
    int before = RecordingResolverProvider.lookups().size();

    InetAddress address = onEventLoop(() -> UpstreamAddressGuard.resolve(vertx, name));

    assertThat(address.isLoopbackAddress()).isTrue();
    assertThat(RecordingResolverProvider.lookups().subList(before, RecordingResolverProvider.lookups().size()))
        .doesNotContain(name);
  }

  @Test
  void forwarded_for_hops_that_are_no_ip_literals_are_skipped_without_a_lookup() {
    var trusted = List.of(UpstreamAddressGuard.Cidr.parse("127.0.0.0/8"));

    for (String hop : LOOK_ALIKES) {
      InetAddress client = IpFilter.client("127.0.0.1", "198.51.100.9, " + hop, trusted);

      assertThat(client).as(hop).isNotNull();
      assertThat(client.getHostAddress()).as(hop).isEqualTo("127.0.0.1");
    }
    assertThat(RecordingResolverProvider.lookups()).doesNotContainAnyElementsOf(LOOK_ALIKES);
  }
}
