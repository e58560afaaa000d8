package io.github.genova.genode.os.test.signal;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.signal.Signal;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.signal.SignalTransmitter;
import io.github.genova.genode.base.thread.Thread;
import java.util.ArrayList;
import java.util.List;

/**
 * A signalling test after Genode's: {@link #SENDERS} threads each submit {@link #SUBMITS} signals to their
 * own context of one receiver, which the main thread dispatches meanwhile; signals submitted before they are
 * received merge into one whose number counts them, so every context must end with exactly {@link #SUBMITS}
 * counted. Logs {@code --- signalling test finished ---} and exits with 0 on success, logs the mismatch and
 * exits with 1 otherwise.
 */
public final class SignalTest implements Component {
  /** How many sender threads run side by side. */
  public static final int SENDERS = 3;
  /** How many signals each sender submits. */
  public static final int SUBMITS = 1000;

  /** Creates the test. */
  public SignalTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- signalling test ---");
    SignalReceiver receiver = new SignalReceiver(env.pd(), env.cpu());
    List<SignalContext> contexts = new ArrayList<>();
    int[] counted = new int[SENDERS];
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      SignalContext context = new SignalContext();
      contexts.add(context);
      SignalTransmitter tx = new SignalTransmitter(receiver.manage(context));
      senders.add(new Thread(env.pd(), "sender " + i, env.cpu()) {
        @Override
        protected void entry() {
          for (int n = 0; n < SUBMITS; n++) {
            tx.submit();
          }
        }
      });
    }
    senders.forEach(Thread::start);
    int total = 0;
    while (total < SENDERS * SUBMITS) {
      Signal s = receiver.waitForSignal();
      int sender = indexOf(contexts, s.context());
      if (sender < 0) {
        log.error("signal for an unknown context");
        env.parentInterface().exit(1);
        return;
      }
      counted[sender] += s.num();
      total += s.num();
    }
    senders.forEach(Thread::join);
    for (int i = 0; i < SENDERS; i++) {
      if (counted[i] != SUBMITS) {
        log.error("context " + i + " counted " + counted[i] + " submits instead of " + SUBMITS);
        env.parentInterface().exit(1);
        return;
      }
    }
    log.log(SENDERS + " senders submitted " + total + " signals, each counted once");
    log.log("--- signalling test finished ---");
    env.parentInterface().exit(0);
  }

  private static int indexOf(List<SignalContext> contexts, SignalContext context) {
    for (int i = 0; i < contexts.size(); i++) {
      if (contexts.get(i).equals(context)) {
        return i;
      }
    }
    return -1;
  }
}
