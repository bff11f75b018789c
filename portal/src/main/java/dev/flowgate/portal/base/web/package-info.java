/** Shapes shared by the REST controllers. */
@NullMarked
package dev.flowgate.portal.base.web;

import org.jspecify.annotations.NullMarked;
