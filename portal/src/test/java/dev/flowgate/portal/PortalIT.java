package dev.flowgate.portal;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every Spring integration test: one shared context on a random port, real PostgreSQL
 * ({@code flowgate_test}), real NATS, and a stub billing server. Tests create their own random
 * tenants and never clean shared tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class PortalIT {

  public static final String INTERNAL_TOKEN = "test-internal-token";

  @LocalServerPort protected int port;

  protected Api api;

  @DynamicPropertySource
  static void stubBilling(DynamicPropertyRegistry registry) {
    registry.add("flowgate.portal.billing-url", StubBilling::url);
  }

  @BeforeEach
  void client() {
    api = new Api("http://127.0.0.1:" + port);
  }

  /** A fresh tenant through the public sign-up API. */
  protected Api.Tenant signUp() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return api.signUp("owner-" + unique + "@example.com", "correct horse battery", "Org " + unique);
  }
}
