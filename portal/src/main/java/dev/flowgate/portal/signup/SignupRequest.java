package dev.flowgate.portal.signup;

import org.jspecify.annotations.Nullable;

/** What a new tenant's first user submits. Checked by {@link SignupService}, shared by API and UI. */
public record SignupRequest(@Nullable String email, @Nullable String password, @Nullable String organization) {}
