package dev.flowgate.portal.tokens;

import org.jspecify.annotations.Nullable;

/** Create a management token for the caller's user. */
public record TokenRequest(@Nullable String name) {}
