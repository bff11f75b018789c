package dev.flowgate.portal.base.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;

/**
 * Gives every successful {@code GET} of a single resource under {@code /api/v1/} its strong
 * {@code ETag} ({@link ETags#of}, the same tag the services compare {@code If-Match} with), so no
 * controller has to remember it. Pages are not resources and get none.
 */
@ControllerAdvice
class ETagHeaders implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body == null || !HttpMethod.GET.equals(request.getMethod()) || !request.getURI().getPath().startsWith("/api/v1/")
        || response.getHeaders().getETag() != null || !successful(response) || isPage(body)
        || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
      return body;
    }
    response.getHeaders().setETag(ETags.of(body));
    return body;
  }

  private static boolean successful(ServerHttpResponse response) {
    return !(response instanceof ServletServerHttpResponse servlet)
        || HttpStatus.valueOf(servlet.getServletResponse().getStatus()).is2xxSuccessful();
  }

  private static boolean isPage(Object body) {
    return body instanceof PageResponse<?> || body instanceof List<?>
        || body instanceof java.util.Map<?, ?> map && map.get("items") instanceof List<?>
        || body instanceof JsonNode node && node.path("items").isArray();
  }
}
