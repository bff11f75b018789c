package dev.flowgate.portal.base.security;

import java.util.UUID;

/** A caller authenticated by a platform operator's bearer token; acts as that operator. */
public record PlatformTokenPrincipal(UUID tokenId, UUID userId, String email, String role) implements PlatformPrincipal {}
