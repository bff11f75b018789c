package dev.flowgate.billing.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem types: {@code https://flowgate.dev/problems/<slug>}. */
final class Problems {

  private static final String BASE = "https://flowgate.dev/problems/";

  private Problems() {}

  static URI type(String slug) {
    return URI.create(BASE + slug);
  }

  static String slugFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "invalid-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406, 415 -> "unsupported-media-type";
      default -> status.is5xxServerError() ? "internal-error" : "request-failed";
    };
  }

  static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slugFor(status)));
    problem.setTitle(title);
    return problem;
  }
}
