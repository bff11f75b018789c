package dev.flowgate.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Stripe API error, answered as {@code {"error":{type, code, message, param}}}. */
final class StripeError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    StripeError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError missingResource(int status, String objectName, String id, String param) {
        return new StripeError(status, "invalid_request_error", "resource_missing",
                "No such " + objectName + ": '" + id + "'", param);
    }

    static StripeError missingParam(String param) {
        return new StripeError(400, "invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param);
    }

    static StripeError invalidState(String message) {
        return new StripeError(400, "invalid_request_error", "invoice_unexpected_state", message, null);
    }

    int status() {
        return status;
    }

    Map<String, Object> body(String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("request_log_url", "http://127.0.0.1/stripe-stub/logs/" + requestId);
        return Map.of("error", error);
    }
}
