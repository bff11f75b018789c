package dev.flowgate.worker.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

class NotifyActivitiesImplTest {

  static final StepsProperties PROPERTIES =
      new StepsProperties("", "", "flowgate@test.example", Duration.ofSeconds(2), 1 << 20);
  private final StepCall call = new StepCall("t-1", "run-1", "tell", Map.of("input", Map.of("name", "Ada"), "steps", Map.of()));
  private final StepConfig.Notify config =
      new StepConfig.Notify(List.of("ops@example.com"), "Done", null, "'Onboarded ' & input.name");

  @Test
  void without_a_mail_server_notify_fails_as_not_configured_and_sends_nothing() {
    var none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    var activities = new NotifyActivitiesImpl(none, PROPERTIES);

    assertThatThrownBy(() -> activities.send(call, config))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(StepFailures.NOT_CONFIGURED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("not configured");
        });
  }

  @Test
  void with_a_mail_server_the_email_goes_out_with_its_evaluated_body() {
    JavaMailSender sender = mock(JavaMailSender.class);
    var factory = new StaticListableBeanFactory(Map.of("mail", sender));
    var activities = new NotifyActivitiesImpl(factory.getBeanProvider(JavaMailSender.class), PROPERTIES);

    StepResult result = activities.send(call, config);

    ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
    verify(sender).send(sent.capture());
    assertThat(sent.getValue().getTo()).containsExactly("ops@example.com");
    assertThat(sent.getValue().getText()).isEqualTo("Onboarded Ada");
    assertThat(sent.getValue().getFrom()).isEqualTo("flowgate@test.example");
    assertThat(result.output()).isEqualTo(Map.of("sentTo", List.of("ops@example.com"), "subject", "Done"));
  }
}
