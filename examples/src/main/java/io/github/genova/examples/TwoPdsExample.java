package io.github.genova.examples;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Two protection domains and a portal, narrated: the root task (the client) creates a server PD with a
 * local EC and a portal to it, calls the portal with a message, then passes a semaphore capability in a
 * call. The server uses the capability it received to signal the client and hands a copy back as a
 * receipt; when the client later sends the receipt as a translate item, the server recognises it as the
 * capability it handed out: its own selector.
 */
public final class TwoPdsExample {
  private static final long ROOT_PD = 32;
  private static final long SERVER_PD = 40;
  private static final long SERVER_EC = 41;
  private static final long PORTAL = 42;
  private static final long DONE_SM = 43;
  /** Where the server receives capabilities. */
  private static final long SERVER_WINDOW = 0x80;
  /** Where the root task receives capabilities. */
  private static final long ROOT_WINDOW = 0x90;

  private TwoPdsExample() {}

  /** Runs the example on a fresh kernel and prints what happens to {@code out}. */
  public static void run(PrintStream out) {
    try (Kernel kernel = Kernels.boot(KernelConfig.defaults())) {
      out.printf("kernel: booted, HIP signature %s, %d CPU(s), %d object selectors per PD%n",
          kernel.hip().isValid() ? "valid" : "INVALID", kernel.hip().cpuCount(), kernel.hip().selectors());
      kernel.runRoot((sys, ip, arg) -> client(sys, out), Duration.ofSeconds(30));
      out.println("root:   done; the root task returned");
    }
  }

  private static void client(Hypercalls sys, PrintStream out) {
    out.println("root:   I am the root task, holding my PD, EC and SC capabilities at selectors 32, 33, 34");
    expect(sys.createPd(SERVER_PD, ROOT_PD, Crd.NULL), "create_pd");
    out.printf("root:   created PD 'server' (my selector %d)%n", SERVER_PD);
    expect(sys.createEc(SERVER_EC, SERVER_PD, 0, 0x1000, 0, 0, false, (self, ip, pid) -> server(self, pid, out)),
        "create_ec");
    out.printf("root:   created a local EC in it (selector %d): it runs only when its portals are called%n",
        SERVER_EC);
    expect(sys.createPt(PORTAL, ROOT_PD, SERVER_EC, 0, 0x1000), "create_pt");
    expect(sys.ptCtrl(PORTAL, 7), "pt_ctrl");
    out.printf("root:   created portal %d to it and set its portal id to 7%n", PORTAL);

    Utcb utcb = sys.utcb();
    utcb.setMessage(20, 22);
    out.println("root:   call(portal) with the words [20, 22]");
    expect(sys.call(PORTAL), "call");
    out.printf("root:   the reply says %d; the server ran on my thread and my time%n", utcb.word(0));

    expect(sys.createSm(DONE_SM, ROOT_PD, 0), "create_sm");
    utcb.setDelegateWindow(Crd.object(ROOT_WINDOW, 0, Perm.ALL));
    utcb.setCounts(0, 0);
    utcb.appendDelegate(Crd.object(DONE_SM, 0, Perm.SM_UP), 0, 0);
    out.printf("root:   call(portal) delegating semaphore %d with the 'up' permission only%n", DONE_SM);
    expect(sys.call(PORTAL), "call");
    Status down = sys.smDown(DONE_SM, false, 0);
    out.printf("root:   down(semaphore) returned %s at once: the server signalled it through its own copy%n", down);
    Crd receipt = utcb.item(0);
    out.printf("root:   the reply delegated a receipt to my selector 0x%x (permissions 0x%x)%n", receipt.base(),
        receipt.perms());

    utcb.setCounts(0, 0);
    utcb.appendTranslate(Crd.object(ROOT_WINDOW, 0, Perm.ALL));
    out.println("root:   call(portal) with the receipt as a translate item");
    expect(sys.call(PORTAL), "call");
    out.printf("root:   the server says the capability is its selector 0x%x%n", utcb.word(0));
  }

  private static void server(Hypercalls self, long pid, PrintStream out) {
    Utcb utcb = self.utcb();
    int items = utcb.typed();
    if (items == 0) {
      long sum = utcb.word(0) + utcb.word(1);
      out.printf("server:   called through portal id %d with %d words; replying with their sum%n", pid,
          utcb.untyped());
      utcb.setMessage(sum);
    } else {
      Crd received = utcb.item(0);
      boolean delegated = (utcb.itemFlags(0) & Utcb.ITEM_DELEGATE) != 0;
      if (delegated) {
        out.printf("server:   received a capability at my selector 0x%x with permissions 0x%x; up()%n",
            received.base(), received.perms());
        expect(self.smUp(received.base()), "sm_ctrl up");
        out.printf("server:   down() on it gives %s: the client did not pass that right%n",
            self.smDown(received.base(), false, 0));
        out.println("server:   replying with my copy delegated back as a receipt");
        utcb.setMessage();
        utcb.appendDelegate(received, 0, 0);
      } else {
        out.printf("server:   translated: that is the capability I handed out, my selector 0x%x%n", received.base());
        utcb.setMessage(received.base());
      }
    }
    utcb.setDelegateWindow(Crd.object(SERVER_WINDOW, 0, Perm.ALL));
    utcb.setTranslateWindow(Crd.object(0, 16, Perm.ALL));
  }

  private static void expect(Status status, String what) {
    if (status != Status.SUCCESS) {
      throw new IllegalStateException(what + " failed: " + status);
    }
  }
}
