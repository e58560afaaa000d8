package io.github.genova.genode.os.test.nitlog;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import java.util.List;

/**
 * The nitlog test client: logs {@link #LINES} through its ordinary log, the last longer than one row of
 * nitlog's window, and stays. Where the lines appear depends only on the route of its LOG session: on the
 * console through core, or in nitlog's window when init routes LOG to nitlog.
 */
public final class TestNitlog implements Component {
  /** What the client logs, in order. */
  public static final List<String> LINES = List.of("Hello, nitlog!",
      "this line was routed to nitlog instead of core's console",
      "a line longer than the eighty columns of nitlog's window continues on the next row, as a terminal"
          + " wraps it");

  /** Creates the client's code (its factory does). */
  public TestNitlog() {}

  @Override
  public void construct(Env env) {
    LINES.forEach(env.log()::log);
  }
}
