package dev.flowgate.portal.base.web;

import dev.flowgate.portal.base.problems.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one check of every paged list's {@code page}, {@code size} and {@code sort} before the
 * handler runs: {@code page} ≥ 0, {@code size} 1–{@value #MAX_SIZE}, and {@code sort} only by the
 * whitelisted properties ({@link SortFields}). A bad value answers a 400 validation problem naming
 * the parameter instead of being silently clamped or ignored.
 */
class PagingInterceptor implements HandlerInterceptor {

  static final int MAX_SIZE = 100;
  private static final Set<String> DIRECTIONS = Set.of("asc", "desc", "ignorecase");

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    for (MethodParameter parameter : method.getMethodParameters()) {
      if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
        check(request, allowed(parameter));
        return true;
      }
    }
    return true;
  }

  static Set<String> allowed(MethodParameter parameter) {
    SortFields fields = parameter.getParameterAnnotation(SortFields.class);
    if (fields != null) {
      return new LinkedHashSet<>(Arrays.asList(fields.value()));
    }
    PageableDefault defaults = parameter.getParameterAnnotation(PageableDefault.class);
    return defaults == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(defaults.sort()));
  }

  private static void check(HttpServletRequest request, Set<String> allowed) {
    number(request, "page", 0, Integer.MAX_VALUE, "must be a whole number from 0");
    number(request, "size", 1, MAX_SIZE, "must be a whole number from 1 to " + MAX_SIZE);
    String[] sorts = request.getParameterValues("sort");
    if (sorts == null) {
      return;
    }
    for (String sort : sorts) {
      List<String> parts = Arrays.stream(sort.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
      for (String part : parts) {
        if (!DIRECTIONS.contains(part.toLowerCase(Locale.ROOT)) && !allowed.contains(part)) {
          throw new InvalidInputException("sort", allowed.isEmpty() ? "this list has a fixed order"
              : "'" + part + "' is not sortable; sort by one of " + String.join(", ", allowed) + " (e.g. "
                  + allowed.iterator().next() + ",desc)");
        }
      }
    }
  }

  private static void number(HttpServletRequest request, String name, int min, int max, String rule) {
    String value = request.getParameter(name);
    if (value == null) {
      return;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw new InvalidInputException(name, rule);
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, rule);
    }
  }
}
