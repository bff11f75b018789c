package dev.flowgate.worker.steps;

import dev.flowgate.worker.TaskQueues;
import dev.flowgate.worker.dsl.Expressions;
import dev.flowgate.worker.dsl.StepConfig;
import io.temporal.spring.boot.ActivityImpl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TaskQueues.WORKFLOWS)
public class NotifyActivitiesImpl implements NotifyActivities {

  private final ObjectProvider<JavaMailSender> mail;
  private final StepsProperties properties;

  public NotifyActivitiesImpl(ObjectProvider<JavaMailSender> mail, StepsProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  @Override
  public StepResult send(StepCall call, StepConfig.Notify config) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null || (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank()))) {
      throw StepFailures.fatal(StepFailures.NOT_CONFIGURED,
          "notify is not configured: no mail server (set SPRING_MAIL_HOST, and SPRING_MAIL_PORT if not 25)");
    }
    String text = config.body() == null ? "" : config.body();
    if (config.bodyExpression() != null) {
      try {
        text = String.valueOf(Expressions.evaluate(config.bodyExpression(), call.context()));
      } catch (Expressions.ExpressionException e) {
        throw StepFailures.fatal(StepFailures.EXPRESSION_FAILED, e.getMessage());
      }
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.mailFrom());
    message.setTo(config.to().toArray(String[]::new));
    message.setSubject(config.subject());
    message.setText(text);
    try {
      sender.send(message);
    } catch (MailException e) {
      throw StepFailures.retryable(StepFailures.UPSTREAM_FAILED, "sending the email failed: " + e.getMessage());
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("sentTo", config.to());
    output.put("subject", config.subject());
    return new StepResult(output, StepFailures.attempt());
  }
}
