package io.github.genova.genode.os.test.input;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.input.InputConnection;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.timer.TimerConnection;

/**
 * Genode's input test ({@code test-input}): logs {@code --- Input test ---}, then polls its Input session
 * every {@value #POLL_MS} ms (the classic session has no signal; classic nitpicker polls the same way) and
 * logs each flushed event as {@code Input event #N\t<event>}, numbering from 1, for as long as it runs. A
 * refused Input or Timer session is logged as an error and ends the test with exit value 1.
 */
public final class InputTest implements Component {
  /** How often the test looks for events, in milliseconds. */
  public static final long POLL_MS = 10;

  /** Creates the test's code (its factory does). */
  public InputTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- Input test ---");
    TimerConnection timer;
    InputConnection input;
    try {
      timer = new TimerConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no Timer session: " + e.getClass().getSimpleName());
      env.parentInterface().exit(1);
      return;
    }
    try {
      input = new InputConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no Input session: " + e.getClass().getSimpleName());
      timer.close();
      env.parentInterface().exit(1);
      return;
    }
    long number = 0;
    while (true) {
      timer.msleep(POLL_MS);
      if (!input.isPending()) {
        continue;
      }
      for (InputEvent event : input.flush()) {
        log.log("Input event #" + ++number + "\t" + event);
      }
    }
  }
}
