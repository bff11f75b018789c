package dev.flowgate.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InputTemplateTest {

  private final JsonNode context = EventCodec.mapper().readTree("""
      {"method":"POST","path":"/hooks","query":{"customer":"c-1"},
       "body":{"order":{"id":7,"lines":[{"sku":"A"},{"sku":"B"}]},"tags":["x"]}}""");

  private JsonNode render(String template) {
    return InputTemplate.render(EventCodec.mapper().readTree(template), context);
  }

  @Test
  void a_whole_placeholder_keeps_the_values_json_type() {
    JsonNode input = render("{\"order\":\"{{body.order}}\",\"id\":\"{{ body.order.id }}\",\"tags\":\"{{body.tags}}\"}");

    assertThat(input.get("order").get("id").asInt()).isEqualTo(7);
    assertThat(input.get("id").isNumber()).isTrue();
    assertThat(input.get("tags").isArray()).isTrue();
  }

  @Test
  void placeholders_inside_text_are_interpolated_and_array_indexes_work() {
    JsonNode input = render("{\"note\":\"{{method}} {{body.order.lines.1.sku}} for {{query.customer}}\"}");

    assertThat(input.get("note").asString()).isEqualTo("POST B for c-1");
  }

  @Test
  void a_missing_value_is_null_and_nested_templates_render_throughout() {
    JsonNode input = render("{\"a\":[\"{{body.nothing}}\",{\"b\":\"{{path}}\"}],\"n\":3}");

    assertThat(input.get("a").get(0).isNull()).isTrue();
    assertThat(input.get("a").get(1).get("b").asString()).isEqualTo("/hooks");
    assertThat(input.get("n").asInt()).isEqualTo(3);
  }

  @Test
  void without_a_template_the_whole_context_is_the_input() {
    assertThat(InputTemplate.render(null, context)).isEqualTo(context);
  }

  @Test
  void a_route_policy_with_an_unknown_mode_or_no_workflow_id_is_no_trigger() {
    Route route = route("{\"workflowId\":\"" + UUID.randomUUID() + "\",\"mode\":\"later\"}");
    Route noId = route("{\"mode\":\"async\"}");
    Route passthrough = route("{\"workflowId\":\"" + UUID.randomUUID() + "\",\"mode\":\"passthrough\"}");

    assertThat(WorkflowTrigger.of(route)).isNull();
    assertThat(WorkflowTrigger.of(noId)).isNull();
    assertThat(WorkflowTrigger.of(passthrough).passthrough()).isTrue();
  }

  private static Route route(String config) {
    return new Route(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "r", List.of("/r"), List.of(), List.of(),
        true, List.of(new Policy("workflow_trigger", EventCodec.mapper().readTree(config))));
  }
}
