package dev.flowgate.portal.admin;

import dev.flowgate.portal.LoginForm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.portal.PortalIT;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT extends PortalIT {

  @Autowired AdminBootstrap bootstrap;
  @Autowired AdminProperties configured;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private long admins() {
    return jdbc.sql("select count(*) from platform_users where role = 'platform-admin'").query(Long.class).single();
  }

  @Test
  void the_configured_first_admin_exists_once_and_later_starts_create_no_other() {
    long before = admins();
    assertThat(before).isPositive();
    assertThat(jdbc.sql("select count(*) from platform_users where lower(email) = ?").param(configured.email())
        .query(Long.class).single()).isEqualTo(1);

    // every start runs the bootstrap again, with the same settings or changed ones
    assertThat(bootstrap.bootstrap(configured)).isEqualTo(AdminBootstrap.Outcome.ALREADY_PRESENT);
    assertThat(bootstrap.bootstrap(new AdminProperties("someone-else@flowgate.test", "another long password")))
        .isEqualTo(AdminBootstrap.Outcome.ALREADY_PRESENT);
    assertThat(admins()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from platform_users where email = 'someone-else@flowgate.test'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void on_an_empty_platform_the_configuration_creates_exactly_one_admin_and_without_it_the_log_says_how(
      CapturedOutput output) {
    long before = admins();
    transactions.executeWithoutResult(status -> {
      // an empty platform, only inside this transaction, which is rolled back
      jdbc.sql("delete from platform_tokens").update();
      jdbc.sql("delete from platform_users").update();

      assertThat(bootstrap.bootstrap(new AdminProperties(null, null))).isEqualTo(AdminBootstrap.Outcome.NOT_CONFIGURED);
      assertThat(bootstrap.bootstrap(new AdminProperties("first@flowgate.test", ""))).isEqualTo(AdminBootstrap.Outcome.NOT_CONFIGURED);
      assertThat(admins()).isZero();
      assertThat(output.getOut()).contains("No platform admin exists").contains("FLOWGATE_ADMIN_EMAIL")
          .contains("FLOWGATE_ADMIN_PASSWORD");

      assertThat(bootstrap.bootstrap(new AdminProperties("first@flowgate.test", "short")))
          .isEqualTo(AdminBootstrap.Outcome.REFUSED);
      assertThat(bootstrap.bootstrap(new AdminProperties("first@flowgate.test", "a long enough password")))
          .isEqualTo(AdminBootstrap.Outcome.CREATED);
      assertThat(bootstrap.bootstrap(new AdminProperties("second@flowgate.test", "a long enough password")))
          .isEqualTo(AdminBootstrap.Outcome.ALREADY_PRESENT);
      assertThat(admins()).isEqualTo(1);
      assertThat(output.getOut()).doesNotContain("a long enough password");
      status.setRollbackOnly();
    });
    assertThat(admins()).isEqualTo(before);
  }

  @Test
  void the_first_admin_signs_in_with_the_configured_password() throws Exception {
    assertThat(login(configured.email(), configured.password())).doesNotContain("error");
    assertThat(login(configured.email(), "not the password")).contains("/login?error");
  }

  private String login(String email, String password) throws IOException, InterruptedException {
    return LoginForm.redirectTarget(port, email, password);
  }
}
