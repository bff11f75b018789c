package dev.flowgate.portal.base.problems;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details with Flowgate's stable {@code type} URIs. */
public final class Problems {

  public static final String TYPE_BASE = "https://flowgate.dev/problems/";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }

  /** The slug used when a handler only knows the status. */
  public static String slugFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 412 -> "precondition-failed";
      case 415 -> "unsupported-media-type";
      case 503 -> "service-unavailable";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
  }
}
