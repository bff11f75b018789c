package dev.flowgate.portal.apikeys;

import org.jspecify.annotations.Nullable;

/** @param gracePeriodSeconds how long the old secret keeps working: 0 to 604800, default 86400 */
public record RotateRequest(@Nullable Long gracePeriodSeconds) {}
