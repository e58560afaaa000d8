package io.github.genova.genode.base.env;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.StackArea;
import io.github.genova.nova.api.Crd;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Starts components in new protection domains, as a parent: the bootstrap until core's PD and CPU
 * services take over. For a child it prepares an initial window of 32 selectors in its own PD — the
 * STARTUP portal (0x1e), the child's parent capability (0x1a, a portal of an RPC object of the parent's
 * choosing), and the child's own PD capability (0x1b) — creates the PD so that the window becomes the
 * child's selectors 0..31 (NOVA's {@code create_pd} delegates it), then the child's first global EC and
 * its SC. The child's code then builds its {@link Env} and runs {@link Component#construct}.
 */
public final class ComponentLauncher {
  /** A started component as its parent sees it. */
  public static final class Child {
    private final String name;
    private final long window;
    private final long pd;
    private final long ec;
    private final long sc;

    private Child(String name, long window, long pd, long ec, long sc) {
      this.name = name;
      this.window = window;
      this.pd = pd;
      this.ec = ec;
      this.sc = sc;
    }

    /** Returns the child's name. */
    public String name() {
      return name;
    }

    /** Returns the parent's selector of the child's PD. */
    public long pd() {
      return pd;
    }

    /** Returns the parent's selector of the child's main EC. */
    public long ec() {
      return ec;
    }

    /** Returns the parent's selector of the child's main SC. */
    public long sc() {
      return sc;
    }

    /** Returns the first selector of the child's initial window in the parent's PD. */
    public long window() {
      return window;
    }
  }

  private final Env env;
  private final Consumer<String> logSink;

  /**
   * Creates a launcher for the parent {@code env}; children log to {@code logSink} with label {@code <parent
   * label> -> <child name>}.
   */
  public ComponentLauncher(Env env, Consumer<String> logSink) {
    this.env = env;
    this.logSink = logSink;
  }

  /**
   * Starts component {@code name} on {@code cpu}. Called by a thread of the parent.
   *
   * @param parentInterface the RPC interface of the child's parent capability
   * @param parentObject the RPC object behind it, served by the parent's entrypoint (one per child)
   * @param component the child's code
   */
  public <P> Child start(String name, int cpu, Class<P> parentInterface, P parentObject, Component component) {
    Log log = new Log(env.log().label().isEmpty() ? name : env.log().label() + " -> " + name, logSink);
    return launch(name, cpu, parentInterface, parentObject, env.ep(),
        (self, ip, arg) -> run(self, log, component), window -> { });
  }

  private <P> Child launch(String name, int cpu, Class<P> parentInterface, P parentObject,
      RpcEntrypoint parentEp, HostCode code, LongConsumer prepareWindow) {
    NativePd pd = env.pd();
    long window = pd.selectors().alloc(NativePd.EVENT_WINDOW_ORDER);
    pd.createStartupPortal(window + NativePd.PT_SEL_STARTUP);
    parentEp.manageAt(parentInterface, parentObject, window + NativePd.PT_SEL_PARENT);
    prepareWindow.accept(window);
    Hypercalls gate = NativeThread.current().gate();
    long childPd = window + NativePd.PD_SEL;
    check(gate.createPd(childPd, pd.selector(), Crd.object(window, NativePd.EVENT_WINDOW_ORDER, Perm.ALL)),
        "create_pd " + name);
    long ec = pd.selectors().alloc();
    check(gate.createEc(ec, childPd, cpu, StackArea.utcbAddress(0), StackArea.stackTop(0), 0, true, code),
        "create_ec " + name);
    long sc = pd.selectors().alloc();
    check(gate.createSc(sc, pd.selector(), ec, Qpd.DEFAULT), "create_sc " + name);
    return new Child(name, window, childPd, ec, sc);
  }

  /**
   * Starts Genode component {@code name} on {@code cpu} as a child of {@code parent}, the {@link Parent} object
   * the calling parent serves for it. The child's bootstrap obtains its log as the initial LOG session
   * ({@link Parent#ENV_LOG}), so its lines appear as the LOG server prints them. Its threads use the initial
   * event window as theirs, which {@code prepareWindow} (given the parent's selector of the window) may
   * furnish with exception portals, a pager's, before the child runs. If {@link
   * Component#construct} throws, the child logs the exception and reports exit value -1 to its parent.
   * {@code parentEp}, an entrypoint of the parent's PD, serves the child's parent calls.
   */
  public Child start(String name, int cpu, Parent parent, RpcEntrypoint parentEp, Component component,
      LongConsumer prepareWindow) {
    return launch(name, cpu, Parent.class, parent, parentEp,
        (self, ip, arg) -> runGenodeChild(self, name, component), prepareWindow);
  }

  private static void runGenodeChild(Hypercalls self, String name, Component component) {
    AtomicReference<@Nullable LogSession> logSession = new AtomicReference<>();
    Log log = Log.via(name, text -> {
      LogSession session = logSession.get();
      if (session != null) {
        writeInPieces(session, text);
      }
    });
    Env env = Env.bootstrapChild(self, log);
    Parent parent = RpcInterface.of(Parent.class).client(env.parent().cast());
    env.parentInterface(parent);
    pageEachThread(env);
    try {
      logSession.set(RpcInterface.of(LogSession.class).client(parent.session(Parent.ENV_LOG, "").cast()));
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      // No initial LOG session: the component runs without output.
    }
    env.ep().onUncaughtException(e -> reportCrash(env, parent));
    try {
      component.construct(env);
    } catch (RuntimeException e) {
      log.error("Uncaught exception of type '" + e.getClass().getName() + "': " + e.getMessage());
      parent.exit(-1);
    }
  }

  /**
   * Gives each thread the component creates a pager of its own (a page-fault portal from its PD session, see
   * {@link PdSession#threadPager}) when its parent gave it a PD session; its main thread keeps the pager the
   * parent installed.
   */
  private static void pageEachThread(Env env) {
    PdSession pd;
    try {
      pd = env.pdSession();
    } catch (IllegalStateException e) {
      return; // no PD session: the component's threads share whatever its initial window holds
    }
    env.pd().pageThreadsWith(slot -> {
      try {
        return NativeThread.current().receiveAt(slot, pd::threadPager);
      } catch (OutOfCaps e) {
        return false;
      }
    });
  }

  /** Writes {@code text} in pieces of at most {@code STRING_BOUND - 1} UTF-8 bytes, split between characters. */
  private static void writeInPieces(LogSession session, String text) {
    int start = 0;
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > LogSession.STRING_BOUND - 1) {
        session.write(text.substring(start, i));
        start = i;
        bytes = 0;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    session.write(text.substring(start));
  }

  /**
   * Reports exit value -1 to the parent from a fresh thread: the entrypoint that crashed may be serving its
   * own parent right now, whose entrypoint would then be busy with the very call that crashed.
   */
  private static void reportCrash(Env env, Parent parent) {
    new io.github.genova.genode.base.thread.Thread(env.pd(), "crash report", env.cpu()) {
      @Override
      protected void entry() {
        parent.exit(-1);
      }
    }.start();
  }

  private static void run(Hypercalls self, Log log, Component component) {
    Env env = Env.bootstrap(self, NativePd.PD_SEL, Capability.INVALID_SELECTOR, Env.FIRST_FREE_SELECTOR,
        Capability.of(NativePd.PT_SEL_PARENT), log);
    try {
      component.construct(env);
    } catch (RuntimeException e) {
      log.error("component construction failed: " + e);
      throw e;
    }
  }

  /**
   * Destroys {@code child}: revokes its PD, which takes its ECs, portals and semaphores with it, and dissolves
   * its parent capability, which {@code parentEp} serves.
   */
  public void kill(Child child, RpcEntrypoint parentEp, @Nullable Object parentObject) {
    if (parentObject != null) {
      parentEp.dissolve(parentObject);
    }
    env.pd().revoke(child.ec());
    env.pd().revoke(child.sc());
    env.pd().revoke(child.pd());
  }

  private static void check(Status status, String what) {
    if (status != Status.SUCCESS) {
      throw new IllegalStateException(what + " failed: " + status);
    }
  }
}
