package dev.flowgate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeStubTest {

    private static final String SECRET = "whsec_test_secret";

    private final BlockingQueue<String[]> deliveries = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private StripeStub stub;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new String[] {body, exchange.getRequestHeaders().getFirst("Stripe-Signature")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        URI webhookUrl = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/stripe");
        stub = StripeStub.start(0, webhookUrl, SECRET, Duration.ofMillis(50));
        stripe = StripeClient.builder()
                .setApiKey("sk_test_local")
                .setApiBase("http://127.0.0.1:" + stub.port())
                .build();
    }

    @AfterEach
    void stop() {
        stub.stop();
        receiver.stop(0);
    }

    @Test
    void an_invoice_goes_from_draft_to_open_to_paid_through_stripe_java() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("owner@acme.test").setName("Acme").putMetadata("tenantId", "t-1").build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId()).setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                .setDaysUntilDue(30L).build());
        InvoiceItem item = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setInvoice(draft.getId()).setAmount(1500L).setCurrency("eur")
                .setDescription("12,000 API calls").build());

        Invoice fetched = stripe.v1().invoices().retrieve(draft.getId());
        Invoice finalized = stripe.v1().invoices().finalizeInvoice(draft.getId());
        Invoice paid = stripe.v1().invoices().pay(draft.getId());

        assertThat(customer.getId()).startsWith("cus_");
        assertThat(customer.getMetadata()).containsEntry("tenantId", "t-1");
        assertThat(customer.getLivemode()).isFalse();
        assertThat(item.getId()).startsWith("ii_");
        assertThat(item.getInvoice()).isEqualTo(draft.getId());
        assertThat(draft.getId()).startsWith("in_");
        assertThat(draft.getStatus()).isEqualTo("draft");
        assertThat(fetched.getTotal()).isEqualTo(1500L);
        assertThat(fetched.getCurrency()).isEqualTo("eur");
        assertThat(fetched.getLines().getData()).singleElement()
                .satisfies(line -> assertThat(line.getAmount()).isEqualTo(1500L));
        assertThat(finalized.getStatus()).isEqualTo("open");
        assertThat(finalized.getNumber()).isNotBlank();
        assertThat(finalized.getStatusTransitions().getFinalizedAt()).isNotNull();
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountPaid()).isEqualTo(1500L);
        assertThat(paid.getAmountRemaining()).isZero();
    }

    @Test
    void pending_invoice_items_join_an_invoice_only_when_asked() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(700L).setCurrency("usd").build());

        Invoice without = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId()).build());
        Invoice with = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer.getId())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());

        assertThat(without.getTotal()).isZero();
        assertThat(with.getTotal()).isEqualTo(700L);
    }

    @Test
    void unknown_ids_answer_stripe_shaped_404s() {
        assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getMessage()).contains("No such customer: 'cus_missing'");
                });
        assertThatThrownBy(() -> stripe.v1().invoices().finalizeInvoice("in_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void an_invoice_cannot_be_paid_twice() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        Invoice invoice = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId()).build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setInvoice(invoice.getId()).setAmount(100L).setCurrency("usd").build());
        stripe.v1().invoices().pay(invoice.getId());

        assertThatThrownBy(() -> stripe.v1().invoices().pay(invoice.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void customers_are_listed_by_email() throws Exception {
        stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("a@acme.test").build());
        Customer b = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("b@acme.test").build());

        var found = stripe.v1().customers().list(CustomerListParams.builder().setEmail("b@acme.test").build());

        assertThat(found.getData()).extracting(Customer::getId).containsExactly(b.getId());
    }

    @Test
    void a_repeated_idempotency_key_replays_the_first_answer() throws Exception {
        RequestOptions sameKey = RequestOptions.builder().setIdempotencyKey("tenant-1-2026-11").build();
        Customer first = stripe.v1().customers().create(CustomerCreateParams.builder().build(), sameKey);
        Customer second = stripe.v1().customers().create(CustomerCreateParams.builder().build(), sameKey);

        assertThat(second.getId()).isEqualTo(first.getId());
    }

    @Test
    void requests_without_an_api_key_are_refused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stub.port() + "/v1/customers")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\"").contains("invalid_request_error");
    }

    @Test
    void finalising_and_paying_send_webhooks_that_stripe_java_verifies() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        Invoice invoice = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId()).build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setInvoice(invoice.getId()).setAmount(2500L).setCurrency("usd").build());

        stripe.v1().invoices().finalizeInvoice(invoice.getId());
        stripe.v1().invoices().pay(invoice.getId());

        Event finalized = verified(deliveries.poll(5, TimeUnit.SECONDS));
        Event paid = verified(deliveries.poll(5, TimeUnit.SECONDS));
        assertThat(finalized.getType()).isEqualTo("invoice.finalized");
        assertThat(paid.getType()).isEqualTo("invoice.paid");
        assertThat(paid.getId()).startsWith("evt_");
        Invoice paidInvoice = (Invoice) paid.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(paidInvoice.getId()).isEqualTo(invoice.getId());
        assertThat(paidInvoice.getStatus()).isEqualTo("paid");
    }

    @Test
    void a_tampered_webhook_fails_verification() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        Invoice invoice = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId()).build());
        stripe.v1().invoices().finalizeInvoice(invoice.getId());

        String[] delivery = deliveries.poll(5, TimeUnit.SECONDS);

        assertThat(delivery).isNotNull();
        assertThatThrownBy(() -> Webhook.constructEvent(delivery[0].replace("invoice", "invoise"), delivery[1], SECRET))
                .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
    }

    private static Event verified(String[] delivery) throws Exception {
        assertThat(delivery).as("webhook delivered").isNotNull();
        assertThat(delivery[1]).matches("t=\\d+,v1=[0-9a-f]{64}");
        return Webhook.constructEvent(delivery[0], delivery[1], SECRET);
    }
}
