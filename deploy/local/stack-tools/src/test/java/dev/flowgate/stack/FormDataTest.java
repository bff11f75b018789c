package dev.flowgate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDataTest {

    @Test
    void brackets_become_nested_maps_and_lists() {
        Map<String, Object> params = FormData.parse(
                "customer=cus_1&metadata%5Btenant%5D=t-1&expand%5B%5D=lines&expand%5B%5D=customer&period[start]=10");

        assertThat(params).containsEntry("customer", "cus_1")
                .containsEntry("metadata", Map.of("tenant", "t-1"))
                .containsEntry("expand", List.of("lines", "customer"))
                .containsEntry("period", Map.of("start", "10"));
    }

    @Test
    void indexed_entries_keep_their_order() {
        Map<String, Object> params = FormData.parse("lines[1][amount]=20&lines[0][amount]=10&lines[10][amount]=30");

        assertThat(FormData.asList(params.get("lines")))
                .containsExactly(Map.of("amount", "10"), Map.of("amount", "20"), Map.of("amount", "30"));
    }

    @Test
    void values_are_url_decoded() {
        assertThat(FormData.parse("description=12%2C000+API+calls&email=a%2Bb%40acme.test"))
                .containsEntry("description", "12,000 API calls")
                .containsEntry("email", "a+b@acme.test");
    }
}
