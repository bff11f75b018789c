package dev.flowgate.gateway.policies;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MaskingMessageConverterTest {

  @Test
  void logged_messages_have_personal_data_masked() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%msg");
    layout.getInstanceConverterMap().putAll(Map.of("msg", MaskingMessageConverter::new));
    layout.start();
    Logger logger = context.getLogger("test");

    String line = layout.doLayout(new LoggingEvent("fqcn", logger, Level.INFO,
        "refund to {} for card {}", null, new Object[] {"jane@example.com", "4111111111111111"}));

    assertThat(line).isEqualTo("refund to j***@example.com for card ************1111");
  }

  @Test
  void the_gateways_logback_configuration_masks_what_the_console_prints() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
    Logger logger = context.getLogger("test");
    var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");

    byte[] line = appender.getEncoder().encode(new LoggingEvent("fqcn", logger, Level.WARN,
        "caller jane@example.com failed", null, null));

    assertThat(new String(line)).contains("caller j***@example.com failed").doesNotContain("jane@");
    context.stop();
  }
}
