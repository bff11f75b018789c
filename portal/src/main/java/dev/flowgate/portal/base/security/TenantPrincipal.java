package dev.flowgate.portal.base.security;

/** An authenticated principal that belongs to a tenant: a portal user or a management token. */
public interface TenantPrincipal {

  Actor actor();

  String email();
}
