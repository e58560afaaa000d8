package io.github.genova.genode.os.test.rmfault;

import static io.github.genova.genode.os.test.rmfault.RmFaultTest.MANAGED_ADDR;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.READ_TEST;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.SHUTDOWN;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.STOP_TEST;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.nova.api.MemoryView;

/**
 * The child role of {@link RmFaultTest}: reads {@link RmFaultTest#MANAGED_ADDR} (a fault the parent resolves),
 * then keeps incrementing the word there whenever it does not hold {@code READ_TEST + 1}, until the parent
 * puts {@link RmFaultTest#STOP_TEST} into it or into the word after it. A modification of anything other
 * than the parent's read value means the write went into the ROM: the child logs {@code Error: could modify
 * ROM} and exits with -1. Otherwise it logs the end of its role and tells the parent {@link
 * RmFaultTest#SHUTDOWN} through the word, as Genode's child does, and stays.
 */
final class RmFaultChild {
  /** What one look at the word decides. */
  private enum Next { MORE, STOP, ROM_MODIFIED }

  private final Env env;
  private final Log log;
  private final MemoryView memory;
  private final PollingPause pause;

  RmFaultChild(Env env) {
    this.env = env;
    this.log = env.log();
    this.memory = env.memory();
    this.pause = new PollingPause(env);
  }

  void run() {
    log.log("child role started");
    log.log("perform read operation at " + hex(MANAGED_ADDR));
    int value = memory.readInt(MANAGED_ADDR);
    log.log("read value " + hex(value));
    Next next;
    while ((next = modify()) == Next.MORE) {
      pause.pass();
    }
    if (next == Next.ROM_MODIFIED) {
      env.parentInterface().exit(-1);
      return;
    }
    log.log("--- child role of region-manager fault test finished ---");
    memory.writeLong(MANAGED_ADDR, SHUTDOWN);
  }

  /** One look at the word, modifying it unless it holds the parent's read value plus one. */
  private Next modify() {
    long value = memory.readLong(MANAGED_ADDR);
    if (value == STOP_TEST) {
      return Next.STOP;
    }
    if (value != READ_TEST + 1) {
      memory.writeLong(MANAGED_ADDR, value + 1);
      long modified = memory.readLong(MANAGED_ADDR);
      if (memory.readLong(MANAGED_ADDR + Long.BYTES) == STOP_TEST) {
        return Next.STOP;
      }
      log.log("modify memory at " + hex(MANAGED_ADDR) + " from " + hex(value) + " to " + hex(modified));
    }
    if (value != READ_TEST && value != READ_TEST + 1) {
      log.error("could modify ROM !!! " + hex(value));
      return Next.ROM_MODIFIED;
    }
    return Next.MORE;
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
