package io.github.genova.genode.os.test.thread;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.sync.Mutex;
import io.github.genova.genode.base.thread.Thread;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread test after Genode's: {@link #THREADS} threads each find themselves ({@link Thread#myself()}) and
 * add {@link #INCREMENTS} times to a counter they share under a {@link Mutex}, yielding the mutex between
 * increments; the main thread joins them all and checks that no increment was lost and every thread knew
 * itself. Logs {@code --- thread test finished ---} and exits with 0 on success, 1 otherwise.
 */
public final class ThreadTest implements Component {
  /** How many threads run side by side. */
  public static final int THREADS = 4;
  /** How often each thread increments the shared counter. */
  public static final int INCREMENTS = 200;

  private final Mutex mutex = new Mutex();
  private long counter;
  private int knewThemselves;

  /** Creates the test. */
  public ThreadTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- thread test started ---");
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      threads.add(new Thread(env.pd(), "worker " + i, env.cpu()) {
        @Override
        protected void entry() {
          boolean me = Thread.myself() == this;
          for (int n = 0; n < INCREMENTS; n++) {
            mutex.execute(() -> counter++);
          }
          mutex.execute(() -> knewThemselves += me ? 1 : 0);
        }
      });
    }
    threads.forEach(Thread::start);
    threads.forEach(Thread::join);
    long expected = (long) THREADS * INCREMENTS;
    long seen = counter();
    int knew = knewThemselves();
    if (seen != expected || knew != THREADS) {
      log.error("counter " + seen + " instead of " + expected + ", " + knew + " of " + THREADS
          + " threads knew themselves");
      env.parentInterface().exit(1);
      return;
    }
    log.log(THREADS + " threads incremented the shared counter to " + seen);
    log.log("--- thread test finished ---");
    env.parentInterface().exit(0);
  }

  private long counter() {
    long[] v = new long[1];
    mutex.execute(() -> v[0] = counter);
    return v[0];
  }

  private int knewThemselves() {
    int[] v = new int[1];
    mutex.execute(() -> v[0] = knewThemselves);
    return v[0];
  }
}
