package dev.flowgate.stack;

import static dev.flowgate.stack.StripeObjects.amount;
import static dev.flowgate.stack.StripeObjects.currency;
import static dev.flowgate.stack.StripeObjects.metadata;
import static dev.flowgate.stack.StripeObjects.newObject;
import static dev.flowgate.stack.StripeObjects.period;
import static dev.flowgate.stack.StripeObjects.randomId;
import static dev.flowgate.stack.StripeObjects.snapshot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The Stripe stub's state: customers, invoice items and invoices kept in memory, with Stripe's
 * invoice life cycle (draft → open → paid) and the events it emits on the way.
 */
final class StripeLedger {

    private final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    private final Clock clock;
    private final BiConsumer<String, Map<String, Object>> events;
    private int invoiceNumber;

    /** @param events receives {@code (eventType, invoiceSnapshot)} after each invoice transition */
    StripeLedger(Clock clock, BiConsumer<String, Map<String, Object>> events) {
        this.clock = clock;
        this.events = events;
    }

    synchronized Map<String, Object> createCustomer(Map<String, Object> params) {
        Map<String, Object> customer = newObject("cus_", "customer", now());
        customer.put("email", params.get("email"));
        customer.put("name", params.get("name"));
        customer.put("description", params.get("description"));
        customer.put("phone", params.get("phone"));
        customer.put("balance", 0L);
        customer.put("currency", null);
        customer.put("delinquent", false);
        customer.put("invoice_prefix", randomId("", 8).toUpperCase(Locale.ROOT));
        customer.put("metadata", metadata(params));
        return store(customer);
    }

    synchronized Map<String, Object> createInvoiceItem(Map<String, Object> params) {
        String customer = requireCustomer(params);
        Map<String, Object> item = newObject("ii_", "invoiceitem", now());
        long quantity = params.containsKey("quantity") ? Long.parseLong((String) params.get("quantity")) : 1L;
        item.put("customer", customer);
        item.put("amount", amount(params, quantity));
        item.put("currency", currency(params));
        item.put("description", params.get("description"));
        item.put("quantity", quantity);
        item.put("date", now());
        item.put("discountable", true);
        item.put("proration", false);
        item.put("period", period(params, now()));
        item.put("metadata", metadata(params));
        item.put("invoice", null);
        store(item);
        if (params.get("invoice") instanceof String invoiceId) {
            Map<String, Object> invoice = draftInvoice(invoiceId, "invoice");
            attach(invoice, item);
        }
        return snapshot(item);
    }

    synchronized Map<String, Object> createInvoice(Map<String, Object> params) {
        String customer = requireCustomer(params);
        Map<String, Object> invoice = newObject("in_", "invoice", now());
        invoice.put("customer", customer);
        invoice.put("status", "draft");
        invoice.put("number", null);
        invoice.put("currency", currency(params));
        invoice.put("description", params.get("description"));
        invoice.put("collection_method", params.getOrDefault("collection_method", "charge_automatically"));
        invoice.put("auto_advance", !"false".equals(params.get("auto_advance")));
        invoice.put("attempted", false);
        invoice.put("attempt_count", 0L);
        invoice.put("period_start", now());
        invoice.put("period_end", now());
        invoice.put("hosted_invoice_url", null);
        invoice.put("metadata", metadata(params));
        Map<String, Object> transitions = new LinkedHashMap<>();
        transitions.put("finalized_at", null);
        transitions.put("paid_at", null);
        transitions.put("voided_at", null);
        invoice.put("status_transitions", transitions);
        invoice.put("lines", StripeObjects.list("/v1/invoices/" + invoice.get("id") + "/lines", new ArrayList<>()));
        store(invoice);
        recalculate(invoice);
        // since API version 2022-08-01 pending items stay pending unless asked for
        if ("include".equals(params.get("pending_invoice_items_behavior"))) {
            for (Map<String, Object> item : matching(o -> "invoiceitem".equals(o.get("object"))
                    && customer.equals(o.get("customer")) && o.get("invoice") == null)) {
                attach(invoice, item);
            }
        }
        return snapshot(invoice);
    }

    synchronized Map<String, Object> finalizeInvoice(String id) {
        Map<String, Object> invoice = draftInvoice(id, "id");
        doFinalize(invoice);
        return snapshot(invoice);
    }

    synchronized Map<String, Object> payInvoice(String id) {
        Map<String, Object> invoice = retrieve("invoice", id);
        if ("draft".equals(invoice.get("status"))) {
            doFinalize(invoice);
        }
        if ("paid".equals(invoice.get("status"))) {
            throw StripeError.invalidState("Invoice is already paid.");
        }
        if (!"open".equals(invoice.get("status"))) {
            throw StripeError.invalidState("You can only pay an invoice that is open; it is " + invoice.get("status") + ".");
        }
        markPaid(invoice);
        return snapshot(invoice);
    }

    synchronized Map<String, Object> update(String objectName, String id, Map<String, Object> params) {
        Map<String, Object> object = retrieve(objectName, id);
        params.forEach((key, value) -> {
            if (key.equals("metadata") && value instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> existing = (Map<String, Object>) object.get("metadata");
                values.forEach((k, v) -> existing.put(String.valueOf(k), v));
            } else if (!key.equals("expand") && object.containsKey(key) && !key.equals("id") && !key.equals("object")) {
                object.put(key, value);
            }
        });
        return snapshot(object);
    }

    synchronized Map<String, Object> get(String objectName, String id) {
        return snapshot(retrieve(objectName, id));
    }

    synchronized Map<String, Object> list(String objectName, String path, Map<String, Object> query) {
        int limit = Math.clamp(Integer.parseInt(String.valueOf(query.getOrDefault("limit", "10"))), 1, 100);
        List<Map<String, Object>> found = matching(o -> objectName.equals(o.get("object"))
                && (!query.containsKey("customer") || query.get("customer").equals(o.get("customer")))
                && (!query.containsKey("status") || query.get("status").equals(o.get("status")))
                && (!query.containsKey("email") || query.get("email").equals(o.get("email"))));
        List<Object> data = new ArrayList<>(found.reversed().stream().limit(limit).map(StripeObjects::snapshot).toList());
        Map<String, Object> page = StripeObjects.list(path, data);
        page.put("has_more", found.size() > limit);
        return page;
    }

    private void doFinalize(Map<String, Object> invoice) {
        invoice.put("status", "open");
        invoice.put("number", nextNumber());
        invoice.put("hosted_invoice_url", "http://127.0.0.1/stripe-stub/invoices/" + invoice.get("id"));
        transitions(invoice).put("finalized_at", now());
        events.accept("invoice.finalized", snapshot(invoice));
        // Stripe settles a zero-amount invoice the moment it is finalised
        if ((long) invoice.get("amount_due") == 0L) {
            markPaid(invoice);
        }
    }

    private void markPaid(Map<String, Object> invoice) {
        invoice.put("status", "paid");
        invoice.put("attempted", true);
        invoice.put("attempt_count", 1L);
        invoice.put("amount_paid", invoice.get("amount_due"));
        invoice.put("amount_remaining", 0L);
        transitions(invoice).put("paid_at", now());
        events.accept("invoice.paid", snapshot(invoice));
    }

    private void attach(Map<String, Object> invoice, Map<String, Object> item) {
        item.put("invoice", invoice.get("id"));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", randomId("il_", 24));
        line.put("object", "line_item");
        line.put("amount", item.get("amount"));
        line.put("currency", item.get("currency"));
        line.put("description", item.get("description"));
        line.put("quantity", item.get("quantity"));
        line.put("invoice", invoice.get("id"));
        line.put("livemode", false);
        line.put("metadata", item.get("metadata"));
        line.put("period", item.get("period"));
        line.put("parent", Map.of("type", "invoice_item_details",
                "invoice_item_details", Map.of("invoice_item", item.get("id"))));
        lines(invoice).add(line);
        invoice.put("currency", item.get("currency"));
        recalculate(invoice);
    }

    @SuppressWarnings("unchecked")
    private void recalculate(Map<String, Object> invoice) {
        List<Object> lines = lines(invoice);
        long total = lines.stream().mapToLong(l -> (long) ((Map<?, ?>) l).get("amount")).sum();
        ((Map<String, Object>) invoice.get("lines")).put("total_count", (long) lines.size());
        invoice.put("subtotal", total);
        invoice.put("total", total);
        invoice.put("amount_due", total);
        invoice.put("amount_paid", 0L);
        invoice.put("amount_remaining", total);
    }

    private String requireCustomer(Map<String, Object> params) {
        if (!(params.get("customer") instanceof String customer) || customer.isBlank()) {
            throw StripeError.missingParam("customer");
        }
        Map<String, Object> found = objects.get(customer);
        if (found == null || !"customer".equals(found.get("object"))) {
            throw StripeError.missingResource(400, "customer", customer, "customer");
        }
        return customer;
    }

    private Map<String, Object> draftInvoice(String id, String param) {
        Map<String, Object> invoice = retrieve("invoice", id, "id".equals(param) ? 404 : 400, param);
        if (!"draft".equals(invoice.get("status"))) {
            throw StripeError.invalidState("This invoice is already finalized, you can't re-finalize a non-draft invoice.");
        }
        return invoice;
    }

    private Map<String, Object> retrieve(String objectName, String id) {
        return retrieve(objectName, id, 404, "id");
    }

    private Map<String, Object> retrieve(String objectName, String id, int status, String param) {
        Map<String, Object> found = objects.get(id);
        if (found == null || !objectName.equals(found.get("object"))) {
            throw StripeError.missingResource(status, objectName, id, param);
        }
        return found;
    }

    private List<Map<String, Object>> matching(Predicate<Map<String, Object>> filter) {
        return objects.values().stream().filter(filter).toList();
    }

    private Map<String, Object> store(Map<String, Object> object) {
        objects.put((String) object.get("id"), object);
        return snapshot(object);
    }

    private String nextNumber() {
        return "FG-%06d".formatted(++invoiceNumber);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> lines(Map<String, Object> invoice) {
        return (List<Object>) ((Map<String, Object>) invoice.get("lines")).get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transitions(Map<String, Object> invoice) {
        return (Map<String, Object>) invoice.get("status_transitions");
    }

}
