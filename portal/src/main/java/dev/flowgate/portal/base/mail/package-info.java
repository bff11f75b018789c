/** Mail from the portal (invitations, password resets) through the configured SMTP server, when there is one. */
@NullMarked
package dev.flowgate.portal.base.mail;

import org.jspecify.annotations.NullMarked;
