package io.github.genova.genode.os.scenario.junit;

import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit Jupiter around {@link Scenario}: a test method takes a {@link Runner}, runs its scenarios through it,
 * and when the test fails the whole console of every run it made is printed to standard error, as the run
 * tool shows the log of a failed run.
 *
 * <pre>{@code
 * @ExtendWith(ScenarioExtension.class)
 * class MyTest {
 *   @Test
 *   void hello(ScenarioExtension.Runner runner) {
 *     runner.run(Scenario.of(config).with("hello", env -> env.log().log("Hello")),
 *         s -> s.awaitLog("[init -> hello] Hello", Duration.ofSeconds(1)));
 *   }
 * }
 * }</pre>
 */
public final class ScenarioExtension implements ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScenarioExtension.class);

  /** Creates the extension (JUnit does). */
  public ScenarioExtension() {}

  /** Runs scenarios for one test and keeps their consoles. */
  public static final class Runner {
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    Runner() {}

    /** Runs {@code scenario} with {@code body}, keeping its console for the failure report. */
    public ScenarioRun run(Scenario scenario, Consumer<ScenarioRun> body) {
      return scenario.echoTo(console::add).run(body);
    }

    /** Returns every console line of the runs so far, in order. */
    public List<String> console() {
      synchronized (console) {
        return List.copyOf(console);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Runner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).computeIfAbsent("runner", k -> new Runner(), Runner.class);
  }

  @Override
  public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
    Runner runner = context.getStore(NAMESPACE).get("runner", Runner.class);
    if (runner != null) {
      System.err.println("console of " + context.getDisplayName() + ":\n  "
          + String.join("\n  ", runner.console()));
    }
  }
}
