package dev.flowgate.portal.base.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a list, as every list endpoint answers it. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> view) {
    return new PageResponse<>(page.map(view).getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
  }
}
