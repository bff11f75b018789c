package dev.flowgate.portal.apikeys;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A key with its secret, answered once: at creation or rotation. */
public record IssuedKey(@JsonUnwrapped KeyView key, String secret) {}
