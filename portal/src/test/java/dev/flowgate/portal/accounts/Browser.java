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

/** A browser for tests: keeps cookies, follows redirects itself and remembers where they went. */
final class Browser {

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

  /** The portal's session id, if it set one. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
