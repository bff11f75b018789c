package dev.flowgate.portal.apikeys;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A key with its secret, answered once: at creation or rotation. */
public record IssuedKey(@JsonUnwrapped KeyView key, String secret) {

  /** Without the secret: Spring MVC logs response bodies by toString at DEBUG. */
  @Override
  public String toString() {
    return "IssuedKey[key=" + key + ", secret=[PROTECTED]]";
  }
}
