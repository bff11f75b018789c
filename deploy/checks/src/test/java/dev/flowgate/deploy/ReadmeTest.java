package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README is where a newcomer starts: it must stay true to the repository. */
class ReadmeTest {

  static final String README = read();

  @Test
  void the_two_setup_commands_come_first_and_the_scripts_exist() throws IOException {
    Matcher blocks = Pattern.compile("```bash\\n(.*?)\\n```", Pattern.DOTALL).matcher(README);
    List<String> commands = new ArrayList<>();
    while (blocks.find() && commands.size() < 2) {
      commands.add(blocks.group(1).strip());
    }

    assertThat(commands).containsExactly("./deploy/local/up", "./deploy/local/test");
    assertThat(Repo.path("deploy/local/up")).isExecutable();
    assertThat(Repo.path("deploy/local/test")).isExecutable();
    assertThat(Files.readString(Repo.path(".ci/run"))).contains("deploy/local/test");
  }

  @Test
  void every_environment_variable_a_runtime_reads_is_in_the_readme() {
    List<String> missing = new ArrayList<>();
    for (Runtime runtime : Runtime.ALL) {
      for (String variable : runtime.config().flowgateVariables()) {
        if (!README.contains("`" + variable + "`")) {
          missing.add(runtime + ": " + variable);
        }
      }
    }

    assertThat(missing).as("variables read by application.yml but not documented in README.md").isEmpty();
  }

  private static String read() {
    try {
      return Files.readString(Repo.path("README.md"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
