package dev.flowgate.gateway.policies;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m}/{@code %msg} with {@link PiiMasker#builtIn()}'s detectors applied, so
 * emails, card numbers, IBANs and phone numbers never reach the gateway's logs
 * ({@code logback-spring.xml}).
 */
public final class MaskingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PiiMasker.builtIn().maskText(super.convert(event));
  }
}
