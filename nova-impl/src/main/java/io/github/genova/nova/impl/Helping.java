package io.github.genova.nova.impl;

import java.util.HashMap;
import java.util.Map;

/**
 * The waits-for relation of helping: which busy local EC each helping thread waits for. A call runs on its
 * caller's thread, so a busy EC is served by a thread; a caller that finds the callee served by its own
 * thread, or by a thread that waits (through further helpers) for a callee its own thread serves, would
 * wait for itself. NOVA's helping loops in such a cycle until its livelock limit kills the helper; the
 * kernel refuses the wait at once instead, with the same outcome. Only the slow path of a call (the callee
 * is busy) comes here; lookups only, never iteration, so deterministic runs stay deterministic.
 */
final class Helping {
  private final Map<Thread, Ec> waits = new HashMap<>();

  /**
   * Registers that thread {@code me} waits for busy EC {@code callee}, unless that closes a cycle.
   *
   * @return false (nothing registered) if {@code callee}'s server is {@code me} or waits, directly or
   *     through other waiting servers, for an EC {@code me} serves
   */
  synchronized boolean startWaiting(Thread me, Ec callee) {
    Ec ec = callee;
    for (int hops = 0; hops <= waits.size(); hops++) {
      Thread server = ec.server();
      if (server == null) {
        break;
      }
      if (server == me) {
        return false;
      }
      Ec next = waits.get(server);
      if (next == null) {
        break;
      }
      ec = next;
    }
    waits.put(me, callee);
    return true;
  }

  /** Thread {@code me} no longer waits (it was handed the EC, or gave up). */
  synchronized void stopWaiting(Thread me) {
    waits.remove(me);
  }
}
