/** The UI frame: app shell (styles), login, main layout (navigation by role), form errors, error handler. */
@NullMarked
package dev.flowgate.portal.base.ui;

import org.jspecify.annotations.NullMarked;
