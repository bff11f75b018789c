/** The UI frame: app shell (styles), login, main layout, error handler. */
@NullMarked
package dev.flowgate.portal.base.ui;

import org.jspecify.annotations.NullMarked;
