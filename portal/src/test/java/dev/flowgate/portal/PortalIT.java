package dev.flowgate.portal;

import dev.flowgate.portal.base.security.PlatformScope;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.Driver;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import dev.flowgate.portal.tokens.ManagementTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every Spring integration test: one shared context on a random port, real PostgreSQL
 * ({@code flowgate_test}), real NATS, and a stub billing server; spans in memory ({@link TestSpans}).
 * Tests create their own random tenants and never clean shared tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSpans.class)
@ActiveProfiles("test")
public abstract class PortalIT {

  public static final String INTERNAL_TOKEN = "test-internal-token";

  @LocalServerPort protected int port;

  protected Api api;

  @DynamicPropertySource
  static void stubBilling(DynamicPropertyRegistry registry) {
    registry.add("flowgate.portal.billing-url", StubBilling::url);
    registry.add("flowgate.portal.worker-url", StubWorker::url);
    registry.add("flowgate.portal.gateway-url", StubGateway::url);
  }

  @BeforeEach
  void client() {
    api = new Api("http://127.0.0.1:" + port);
  }

  @Autowired private JdbcClient jdbcClient;
  @Autowired private ManagementTokenService tokenService;
  @Autowired private TransactionTemplate transactions;

  /**
   * SQL in the platform scope, which row-level security lets see every tenant's rows: for tests
   * that set up or check stored rows directly. Its own connections (not the application's pool),
   * each opened with {@code flowgate.platform=on}.
   */
  protected JdbcClient jdbc;

  @Autowired
  void platformSql(Environment environment) {
    Properties properties = new Properties();
    properties.setProperty("user", environment.getProperty("spring.datasource.username", "flowgate"));
    properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
    properties.setProperty("options", "-c search_path=portal -c flowgate.platform=on");
    SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
        environment.getRequiredProperty("spring.datasource.url"));
    dataSource.setConnectionProperties(properties);
    jdbc = JdbcClient.create(dataSource);
  }

  /** A teammate with the role in the tenant (no invitation API yet) and a management token of theirs. */
  protected String member(Api.Tenant tenant, String role) {
    UUID userId = UUID.randomUUID();
    return PlatformScope.call(() -> transactions.execute(status -> {
      jdbcClient.sql("insert into users (id, tenant_id, email, password_hash, role) values (?, ?, ?, 'x', ?)")
          .params(userId, tenant.id(), role + "-" + userId + "@example.com", role).update();
      return tokenService.issue(tenant.id(), userId, role + " token").token();
    }));
  }

  /** A fresh tenant through the public sign-up API. */
  protected Api.Tenant signUp() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return api.signUp("owner-" + unique + "@example.com", "correct horse battery", "Org " + unique);
  }
}
