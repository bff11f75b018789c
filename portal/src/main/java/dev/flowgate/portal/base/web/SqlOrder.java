package dev.flowgate.portal.base.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * The {@code order by} of a JDBC list from a request's whitelisted sort ({@link SortFields},
 * checked by {@link PagingInterceptor}): property names map to columns here, so no request text
 * ever reaches SQL.
 */
public final class SqlOrder {

  private SqlOrder() {}

  /**
   * @param columns sortable property → column
   * @param fallback the order when the request gives none, e.g. {@code w.created_at desc}
   * @param tieBreak a unique column appended last so pages never overlap, e.g. {@code w.id}
   */
  public static String of(Sort sort, Map<String, String> columns, String fallback, String tieBreak) {
    List<String> terms = new ArrayList<>();
    for (Sort.Order order : sort) {
      String column = columns.get(order.getProperty());
      if (column != null) {
        terms.add(column + (order.isAscending() ? " asc" : " desc"));
      }
    }
    return " order by " + (terms.isEmpty() ? fallback : String.join(", ", terms)) + ", " + tieBreak;
  }
}
