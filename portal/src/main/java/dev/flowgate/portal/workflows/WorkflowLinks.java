package dev.flowgate.portal.workflows;

import com.vaadin.flow.component.html.Anchor;

/**
 * Links between the workflow screens. Plain anchors marked {@code router-link} (the client router
 * takes them without a reload) rather than RouterLinks, whose URL needs a running Vaadin service,
 * so the views also work when a test builds them server-side.
 */
final class WorkflowLinks {

  private WorkflowLinks() {}

  static String runs(Object workflowId) {
    return "workflows/" + workflowId + "/runs";
  }

  static String versions(Object workflowId) {
    return "workflows/" + workflowId + "/versions";
  }

  static String run(String executionId) {
    return "workflow-runs/" + executionId;
  }

  static Anchor anchor(String text, String href) {
    Anchor anchor = new Anchor(href, text);
    anchor.getElement().setAttribute("router-link", true);
    return anchor;
  }

  /** Points {@code anchor} at {@code href} with {@code text}. */
  static void point(Anchor anchor, String text, String href) {
    anchor.setText(text);
    anchor.setHref(href);
    anchor.getElement().setAttribute("router-link", true);
  }
}
