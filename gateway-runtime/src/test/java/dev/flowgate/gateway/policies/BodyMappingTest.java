package dev.flowgate.gateway.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BodyMappingTest {

  private static BodyMapping mapping(String body) {
    return BodyMapping.parse(EventCodec.mapper().readTree(body));
  }

  private static String map(String body, String json) {
    return mapping(body).apply(EventCodec.mapper().readTree(json)).toString();
  }

  @Test
  void pointers_unescape_tilde_one_as_slash_and_tilde_zero_as_tilde() {
    assertThat(JsonPointer.parse("/a~1b/c~0d/~01").tokens()).containsExactly("a/b", "c~d", "~1");
    assertThat(JsonPointer.parse("").isRoot()).isTrue();
    assertThat(JsonPointer.parse("/").tokens()).containsExactly("");
    assertThat(JsonPointer.parse("/a~1b/c~0d").toString()).isEqualTo("/a~1b/c~0d");
  }

  @Test
  void a_pointer_without_a_leading_slash_or_with_a_stray_tilde_is_refused() {
    assertThatThrownBy(() -> JsonPointer.parse("user/mail")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPointer.parse("/a~2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPointer.parse("/a~")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removes_then_renames_then_adds() {
    String mapped = map("""
        {"remove": ["/internal"], "rename": {"/user/mail": "/user/email"}, "add": {"/source": "flowgate"}}""",
        """
        {"user": {"mail": "a@example.com", "name": "A"}, "internal": {"x": 1}}""");

    assertThat(mapped).isEqualTo("{\"user\":{\"name\":\"A\",\"email\":\"a@example.com\"},\"source\":\"flowgate\"}");
  }

  @Test
  void escaped_member_names_are_matched_literally() {
    String mapped = map("""
        {"rename": {"/a~1b": "/c~0d"}, "remove": ["/x~1y"]}""", """
        {"a/b": 1, "x/y": 2, "xy": 3}""");

    assertThat(mapped).isEqualTo("{\"xy\":3,\"c~d\":1}");
  }

  @Test
  void array_indices_remove_move_and_insert_elements_and_dash_appends() {
    String mapped = map("""
        {"remove": ["/items/0"], "rename": {"/items/0/id": "/first"}, "add": {"/items/-": "end", "/items/0": "start"}}""",
        """
        {"items": [{"id": 1}, {"id": 2}, {"id": 3}]}""");

    assertThat(mapped).isEqualTo("{\"items\":[\"start\",{},{\"id\":3},\"end\"],\"first\":2}");
  }

  @Test
  void missing_paths_and_out_of_range_or_non_canonical_indices_are_skipped_and_the_rest_applies() {
    String mapped = map("""
        {"remove": ["/nope", "/items/5", "/items/01"], "rename": {"/absent": "/there", "/a": "/missing/parent/b"},
         "add": {"/missing/child": 1, "/items/9": 2, "/ok": true}}""", """
        {"items": [1, 2], "a": "kept"}""");

    assertThat(mapped).isEqualTo("{\"items\":[1,2],\"a\":\"kept\",\"ok\":true}");
  }

  @Test
  void added_values_are_copied_so_one_body_cannot_change_the_next() {
    BodyMapping mapping = mapping("""
        {"add": {"/meta": {"by": "gw"}}}""");
    JsonNode first = mapping.apply(EventCodec.mapper().readTree("{}"));
    ((tools.jackson.databind.node.ObjectNode) first.get("meta")).put("by", "changed");

    assertThat(mapping.apply(EventCodec.mapper().readTree("{}")).toString()).isEqualTo("{\"meta\":{\"by\":\"gw\"}}");
  }

  @Test
  void a_body_that_is_not_json_is_not_mapped() {
    BodyMapping mapping = mapping("""
        {"add": {"/a": 1}}""");

    assertThat(mapping.apply("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(mapping.apply(new byte[0])).isNull();
    assertThat(new String(mapping.apply("{\"b\":2}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
        .isEqualTo("{\"b\":2,\"a\":1}");
  }

  @Test
  void a_config_without_edits_or_with_only_unusable_pointers_maps_nothing() {
    assertThat(mapping("{}")).isNull();
    assertThat(mapping("{\"remove\": [\"\", \"bad\"], \"rename\": {\"/a\": \"/a/b\"}}")).isNull();
    assertThat(BodyMapping.parse(EventCodec.mapper().readTree("[]"))).isNull();
  }
}
