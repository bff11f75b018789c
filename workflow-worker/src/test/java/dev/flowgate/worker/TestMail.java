package dev.flowgate.worker;

import dev.flowgate.worker.steps.TestSmtp;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail server for {@code notify} steps in every worker IT: a local SMTP receiver. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

  @Bean(destroyMethod = "close")
  TestSmtp testSmtp() {
    return new TestSmtp();
  }

  @Bean
  JavaMailSender mailSender(TestSmtp smtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.port());
    return sender;
  }
}
