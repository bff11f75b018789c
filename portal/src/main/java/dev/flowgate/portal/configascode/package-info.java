/**
 * Configuration as code: a tenant's services, routes and keys' metadata exported as one document,
 * and applied back as a diff (with a dry run that changes nothing).
 */
@NullMarked
package dev.flowgate.portal.configascode;

import org.jspecify.annotations.NullMarked;
