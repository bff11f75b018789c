package dev.flowgate.stack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Stripe's form encoding ({@code metadata[plan]=pro&expand[]=lines&lines[0][amount]=5})
 * into nested maps and lists, the shape Stripe's JSON would have.
 */
final class FormData {

    private FormData() {
    }

    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, path(key), value);
        }
        return root;
    }

    /** {@code a[b][]} → {@code [a, b, ""]}. */
    private static List<String> path(String key) {
        List<String> parts = new ArrayList<>();
        int bracket = key.indexOf('[');
        parts.add(bracket < 0 ? key : key.substring(0, bracket));
        while (bracket >= 0) {
            int close = key.indexOf(']', bracket);
            if (close < 0) {
                break;
            }
            parts.add(key.substring(bracket + 1, close));
            bracket = key.indexOf('[', close);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String part = path.get(i);
            String next = path.get(i + 1);
            if (next.isEmpty()) {
                // a[]=x: append to a list
                ((List<Object>) node.computeIfAbsent(part, k -> new ArrayList<>())).add(value);
                return;
            }
            // a[0][b]=x: numeric segments are kept as map keys "0", "1"..., then turned into lists
            node = (Map<String, Object>) node.computeIfAbsent(part, k -> new LinkedHashMap<>());
        }
        node.put(path.getLast(), value);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Values of an indexed map ({@code {"0": {...}, "1": {...}}}) or a list, in order. */
    static List<Object> asList(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(index(a.getKey()), index(b.getKey())))
                    .map(e -> (Object) e.getValue())
                    .toList();
        }
        return value == null ? List.of() : List.of(value);
    }

    private static int index(Object key) {
        try {
            return Integer.parseInt(String.valueOf(key));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
