package dev.flowgate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EchoUpstreamTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EchoUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = EchoUpstream.start(0);
    }

    @AfterEach
    void stop() {
        upstream.stop();
    }

    @Test
    void any_request_is_echoed_as_json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/orders/42?expand=items&x=1"))
                .header("X-Request-ID", "req-1")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"qty\":2}")));

        JsonObject echo = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(echo.get("method").getAsString()).isEqualTo("PATCH");
        assertThat(echo.get("path").getAsString()).isEqualTo("/orders/42");
        assertThat(echo.get("query").getAsString()).isEqualTo("expand=items&x=1");
        assertThat(echo.getAsJsonObject("headers").get("X-request-id").getAsString()).isEqualTo("req-1");
        assertThat(echo.get("body").getAsString()).isEqualTo("{\"qty\":2}");
    }

    @Test
    void health_answers_up() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void status_paths_answer_with_that_status() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/status/503"))).statusCode()).isEqualTo(503);
        assertThat(send(HttpRequest.newBuilder(uri("/status/418"))).statusCode()).isEqualTo(418);
        assertThat(send(HttpRequest.newBuilder(uri("/status/204"))).statusCode()).isEqualTo(204);
    }

    @Test
    void status_paths_work_below_a_prefix_the_gateway_did_not_strip() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/echo/status/502"))).statusCode()).isEqualTo(502);
    }

    @Test
    void delay_paths_answer_after_the_delay() throws Exception {
        long start = System.nanoTime();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/delay/300")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void slow_requests_do_not_hold_up_others() throws Exception {
        var slow = http.sendAsync(HttpRequest.newBuilder(uri("/delay/2000")).build(), HttpResponse.BodyHandlers.ofString());
        long start = System.nanoTime();

        HttpResponse<String> fast = send(HttpRequest.newBuilder(uri("/fast")));

        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
        assertThat(slow.get().statusCode()).isEqualTo(200);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + upstream.port() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
