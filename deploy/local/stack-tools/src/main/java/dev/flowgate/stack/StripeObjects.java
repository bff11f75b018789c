package dev.flowgate.stack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shapes shared by the stub's Stripe objects: ids, list envelopes, metadata, amounts, copies. */
final class StripeObjects {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeObjects() {
    }

    /** {@code cus_} + 24 base62 characters, like Stripe's own ids. */
    static String randomId(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    static Map<String, Object> newObject(String prefix, String objectName, long created) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", randomId(prefix, 24));
        object.put("object", objectName);
        object.put("created", created);
        object.put("livemode", false);
        return object;
    }

    static Map<String, Object> list(String url, List<Object> data) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", false);
        list.put("total_count", (long) data.size());
        list.put("url", url);
        return list;
    }

    static Map<String, Object> metadata(Map<String, Object> params) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (params.get("metadata") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> metadata.put(String.valueOf(k), v));
        }
        return metadata;
    }

    static Map<String, Object> period(Map<String, Object> params, long now) {
        Map<String, Object> period = new LinkedHashMap<>();
        if (params.get("period") instanceof Map<?, ?> given) {
            period.put("start", Long.parseLong(String.valueOf(given.get("start"))));
            period.put("end", Long.parseLong(String.valueOf(given.get("end"))));
        } else {
            period.put("start", now);
            period.put("end", now);
        }
        return period;
    }

    /** An invoice item's amount in minor units: {@code amount}, or a unit price times quantity. */
    static long amount(Map<String, Object> params, long quantity) {
        if (params.get("amount") instanceof String amount) {
            return Long.parseLong(amount);
        }
        // unit prices come flat (older API versions) or inside price_data
        Map<?, ?> priceData = params.get("price_data") instanceof Map<?, ?> given ? given : Map.of();
        Object unit = firstPresent(params.get("unit_amount_decimal"), params.get("unit_amount"),
                priceData.get("unit_amount_decimal"), priceData.get("unit_amount"));
        if (unit == null) {
            throw StripeError.missingParam("amount");
        }
        BigDecimal units = params.get("quantity_decimal") instanceof String decimal
                ? new BigDecimal(decimal) : BigDecimal.valueOf(quantity);
        return new BigDecimal(String.valueOf(unit)).multiply(units).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String currency(Map<String, Object> params) {
        Object currency = params.get("currency");
        if (currency == null && params.get("price_data") instanceof Map<?, ?> priceData) {
            currency = priceData.get("currency");
        }
        return String.valueOf(currency == null ? "usd" : currency).toLowerCase(Locale.ROOT);
    }

    /** Deep copy, so a response is never serialised while another request changes it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> snapshot(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return snapshot((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(StripeObjects::copyValue).toList());
        }
        return value;
    }

    private static Object firstPresent(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
