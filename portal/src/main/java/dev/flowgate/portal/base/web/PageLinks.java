package dev.flowgate.portal.base.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Adds RFC 8288 {@code Link} headers ({@code rel="next"}, {@code rel="prev"}, first, last) and
 * {@code X-Total-Count} to every {@link PageResponse} (and every forwarded page of the same shape),
 * keeping the request's other parameters.
 */
@ControllerAdvice
class PageLinks implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof PageResponse<?> page) {
      addHeaders(request, response, page.page(), page.size(), page.total());
    } else if (body instanceof JsonNode node && node.path("items").isArray() && node.path("total").isNumber()
        && node.path("page").isNumber() && node.path("size").isNumber()) {
      // pages forwarded from billing and the worker have the same shape
      addHeaders(request, response, node.path("page").asLong(), node.path("size").asLong(), node.path("total").asLong());
    }
    return body;
  }

  private static void addHeaders(ServerHttpRequest request, ServerHttpResponse response, long page, long size, long total) {
    response.getHeaders().set("X-Total-Count", Long.toString(total));
    List<String> links = new ArrayList<>();
    long last = size <= 0 ? 0 : Math.max(0, (total - 1) / size);
    if (page < last) {
      links.add(link(request, page + 1, "next"));
    }
    if (page > 0) {
      links.add(link(request, Math.min(page - 1, last), "prev"));
    }
    links.add(link(request, 0, "first"));
    links.add(link(request, last, "last"));
    response.getHeaders().set("Link", String.join(", ", links));
  }

  private static String link(ServerHttpRequest request, long page, String rel) {
    String uri = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("page", page).build(true).toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
