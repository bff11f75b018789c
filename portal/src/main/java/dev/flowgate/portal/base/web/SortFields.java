package dev.flowgate.portal.base.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a list may be sorted by ({@code sort=name,asc}); on a {@code Pageable}
 * parameter. Without it, only the {@code @PageableDefault} sort's properties are accepted. Any
 * other {@code sort} answers 400 naming the field, so a list never sorts by a column it does not
 * show (and never leaks an order of secrets or hashes). See {@link PagingInterceptor}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SortFields {

  String[] value();
}
