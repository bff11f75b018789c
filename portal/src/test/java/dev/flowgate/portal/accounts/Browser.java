package dev.flowgate.portal.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for tests: keeps cookies, follows redirects itself and remembers where they went. */
final class Browser {

  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  /** Every URL visited by the last {@link #open}, redirects included. */
  final List<String> visited = new ArrayList<>();
  /** The portal's session id after each of those responses. */
  final List<String> sessionIds = new ArrayList<>();

  /** Opens the URL and follows up to ten redirects; answers the last response. */
  HttpResponse<String> open(String url) throws IOException, InterruptedException {
    visited.clear();
    sessionIds.clear();
    URI uri = URI.create(url);
    for (int hops = 0; hops < 10; hops++) {
      visited.add(uri.toString());
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      sessionIds.add(sessionId());
      String location = response.headers().firstValue("Location").orElse(null);
      if (response.statusCode() / 100 != 3 || location == null) {
        return response;
      }
      uri = uri.resolve(location);
    }
    throw new IllegalStateException("too many redirects: " + visited);
  }

  /** Posts a form and follows where it redirects, as {@link #open} does. */
  HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = response.headers().firstValue("Location").orElse(null);
    if (response.statusCode() / 100 != 3 || location == null) {
      visited.clear();
      visited.add(url);
      return response;
    }
    HttpResponse<String> last = open(URI.create(url).resolve(location).toString());
    visited.addFirst(url);
    return last;
  }

  /**
   * The CSRF token a page of the portal carries for scripts ({@code <meta name="_csrf">}), which a
   * form posted outside Vaadin's own requests must send back as {@code _csrf}.
   */
  String csrfToken(String pageUrl) throws IOException, InterruptedException {
    String page = open(pageUrl).body();
    Matcher token = CSRF_META.matcher(page);
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token in " + pageUrl + ": " + page);
    }
    return token.group(1);
  }

  /** The portal's session id, if it set one. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
