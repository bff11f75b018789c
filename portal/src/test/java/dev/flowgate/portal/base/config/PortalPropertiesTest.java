package dev.flowgate.portal.base.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class PortalPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PortalProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Config.class);

  @Test
  void startup_fails_with_a_clear_message_when_the_internal_token_or_pepper_is_missing() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("FLOWGATE_INTERNAL_TOKEN");
    });
  }

  @Test
  void local_defaults_apply_when_only_the_secrets_are_set() {
    runner.withPropertyValues("flowgate.portal.internal-token=t", "flowgate.portal.key-pepper=p").run(context -> {
      PortalProperties properties = context.getBean(PortalProperties.class);
      assertThat(properties.billingUrl()).hasToString("http://127.0.0.1:8083");
      assertThat(properties.sampleUpstreamUrl()).isEqualTo("http://127.0.0.1:9100");
      assertThat(properties.upstreamAllow()).isEmpty();
    });
  }

  @Test
  void links_to_people_use_the_public_url_when_set_and_else_the_portal_url() {
    runner.withPropertyValues("flowgate.portal.internal-token=t", "flowgate.portal.key-pepper=p",
        "flowgate.portal.portal-url=http://portal:8080/").run(context ->
        assertThat(context.getBean(PortalProperties.class).linkBase()).isEqualTo("http://portal:8080"));
    runner.withPropertyValues("flowgate.portal.internal-token=t", "flowgate.portal.key-pepper=p",
        "flowgate.portal.portal-url=http://portal:8080", "flowgate.portal.public-url=https://portal.example.com/").run(context ->
        assertThat(context.getBean(PortalProperties.class).linkBase()).isEqualTo("https://portal.example.com"));
  }
}
