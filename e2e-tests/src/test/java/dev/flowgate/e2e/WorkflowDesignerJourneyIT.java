package dev.flowgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowgate.e2e.pages.LoginPage;
import dev.flowgate.e2e.pages.WorkflowsPage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant developer builds a three-step workflow in the visual designer with the mouse, runs it
 * on the real worker and Temporal, approves its waiting step from the page and sees it complete.
 */
class WorkflowDesignerJourneyIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Test
  void buildsAThreeStepWorkflowWithTheMouseRunsItApprovesItAndSeesItComplete() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "designer-" + suffix + "@example.com";
    ManagementApi.signUp(browser.stack().portalUrl(), "Designer " + suffix, email, "a long enough passphrase");
    new LoginPage(browser.page()).open().logIn(email, "a long enough passphrase");

    WorkflowsPage workflows = new WorkflowsPage(browser.page()).open().startEmpty("approval-" + suffix);
    workflows.dragStep("transform", 60, 60, "transform_1");
    workflows.dragStep("wait_for_signal", 300, 180, "wait_for_signal_1");
    workflows.dragStep("transform", 60, 330, "transform_2");
    workflows.connect("transform_1", "wait_for_signal_1");
    workflows.connect("wait_for_signal_1", "transform_2");
    browser.screenshot("workflow-01-designed-with-the-mouse");

    workflows.save();
    browser.screenshot("workflow-02-saved");
    workflows.run("{\"order\": 42}");

    String waiting = Eventually.poll(() -> workflows.stateOf("wait_for_signal_1"), "EXECUTING"::equals, Duration.ofSeconds(30));
    assertThat(waiting).as("the approval step waits").isEqualTo("EXECUTING");
    assertThat(workflows.stateOf("transform_1")).isEqualTo("SUCCESS");
    assertThat(workflows.stateOf("transform_2")).isNotEqualTo("SUCCESS");
    browser.screenshot("workflow-03-waiting-for-approval");

    workflows.approve();

    String status = Eventually.poll(workflows::runStatus, s -> s.contains("COMPLETED"), Duration.ofSeconds(30));
    browser.screenshot("workflow-04-completed");
    assertThat(status).contains("COMPLETED");
    assertThat(workflows.stateOf("wait_for_signal_1")).isEqualTo("SUCCESS");
    assertThat(workflows.stateOf("transform_2")).isEqualTo("SUCCESS");
  }
}
