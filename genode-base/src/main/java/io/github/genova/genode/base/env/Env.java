package io.github.genova.genode.base.env;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.cap.SelectorAllocator;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.StackArea;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Status;
import org.jspecify.annotations.Nullable;

/**
 * The environment of a component: its protection domain (with the selector allocator and stack area),
 * its main thread, its entrypoint, its parent capability and its log. Built by the bootstrap before
 * {@link Component#construct} runs; the minimal form of Genode's {@code Env} that core's sessions will
 * extend.
 */
public final class Env {
  /** The first selector a component allocates: the initial window (0..31) belongs to the kernel and parent. */
  public static final long FIRST_FREE_SELECTOR = 0x20;
  /** The first selector the root task allocates (above the root PD, EC and SC at 32..34). */
  public static final long ROOT_FIRST_FREE_SELECTOR = 0x40;
  /** The root PD's capability selector. */
  public static final long ROOT_PD = 32;
  /** The root EC's capability selector. */
  public static final long ROOT_EC = 33;
  /** Selectors per PD (the HIP's SEL). */
  public static final long SELECTORS = 1L << 16;

  private final NativePd pd;
  private final NativeThread mainThread;
  private final RpcEntrypoint ep;
  private final Capability<Object> parent;
  private final int cpu;
  private @Nullable Parent genodeParent;
  private @Nullable PdSession pdSession;
  private @Nullable RegionMap rm;

  private Env(NativePd pd, NativeThread mainThread, RpcEntrypoint ep, Capability<Object> parent, int cpu) {
    this.pd = pd;
    this.mainThread = mainThread;
    this.ep = ep;
    this.parent = parent;
    this.cpu = cpu;
  }

  /**
   * Builds the environment of a component whose first EC is running {@code gate} (on the calling Java
   * thread), and makes that EC the current native thread.
   *
   * @param gate the first EC's gate
   * @param pdSel the PD's own capability
   * @param ec the first EC's selector, or {@link Capability#INVALID_SELECTOR}
   * @param firstFree the first selector the allocator may hand out
   * @param parent the parent capability ({@link Capability#invalid()} for the root task)
   * @param log the component's log
   */
  static Env bootstrap(Hypercalls gate, long pdSel, long ec, long firstFree, Capability<Object> parent, Log log) {
    return bootstrap(gate, pdSel, ec, firstFree, parent, log, false);
  }

  /**
   * Builds the environment of a Genode child whose parent furnished the initial event window, which all of
   * the child's ECs then use (see {@link NativePd#bootstrapInInitialWindow}).
   */
  static Env bootstrapChild(Hypercalls gate, Log log) {
    return bootstrap(gate, NativePd.PD_SEL, Capability.INVALID_SELECTOR, FIRST_FREE_SELECTOR,
        Capability.of(NativePd.PT_SEL_PARENT), log, true);
  }

  private static Env bootstrap(Hypercalls gate, long pdSel, long ec, long firstFree, Capability<Object> parent,
      Log log, boolean initialWindow) {
    SelectorAllocator selectors = new SelectorAllocator(firstFree, SELECTORS);
    StackArea stackArea = new StackArea();
    stackArea.alloc(); // slot 0: the main thread
    NativePd pd = initialWindow ? NativePd.bootstrapInInitialWindow(gate, pdSel, selectors, stackArea, log)
        : NativePd.bootstrap(gate, pdSel, selectors, stackArea, log);
    long sm = selectors.alloc();
    if (gate.createSm(sm, pdSel, 0) != Status.SUCCESS) {
      throw new IllegalStateException("cannot create the main thread's blocking semaphore");
    }
    NativeThread main = new NativeThread(pd, gate, ec, sm, "main");
    NativeThread.slot().set(main);
    RpcEntrypoint ep = new RpcEntrypoint(pd, "ep", gate.cpu());
    return new Env(pd, main, ep, parent, gate.cpu());
  }

  /**
   * Makes the root task, whose code calls this with its gate, a component: its PD is the root PD, its
   * selectors start at {@link #ROOT_FIRST_FREE_SELECTOR}, it has no parent.
   */
  public static Env ofRootTask(Hypercalls gate, Log log) {
    return bootstrap(gate, ROOT_PD, ROOT_EC, ROOT_FIRST_FREE_SELECTOR, Capability.invalid(), log);
  }

  /** Returns the component's PD. */
  public NativePd pd() {
    return pd;
  }

  /** Returns the component's main thread. */
  public NativeThread mainThread() {
    return mainThread;
  }

  /** Returns the component's entrypoint. */
  public RpcEntrypoint ep() {
    return ep;
  }

  /** Returns the parent capability (invalid for the root task); its interface is the parent's to define. */
  public Capability<Object> parent() {
    return parent;
  }

  /**
   * Returns the client of the component's parent interface.
   *
   * @throws IllegalStateException for the root task and components started with another parent interface
   */
  public Parent parentInterface() {
    Parent p = genodeParent;
    if (p == null) {
      throw new IllegalStateException("this component has no Genode parent");
    }
    return p;
  }

  /** Makes {@code parent} the client of the component's parent interface; done once by the bootstrap. */
  void parentInterface(Parent parent) {
    this.genodeParent = parent;
  }

  /**
   * Returns the client of the component's initial PD session ({@link Parent#ENV_PD}): its RAM budget and
   * dataspaces.
   *
   * @throws IllegalStateException if the parent gave the component none
   */
  public synchronized PdSession pdSession() {
    PdSession s = pdSession;
    if (s == null) {
      s = RpcInterface.of(PdSession.class).client(initialSession(Parent.ENV_PD).<PdSession>cast());
      pdSession = s;
    }
    return s;
  }

  /**
   * Returns the client of the region map of the component's address space (Genode's {@code env.rm()}); what
   * is attached there the component reads and writes through {@link #memory()}.
   *
   * @throws IllegalStateException if the parent gave the component no PD session
   */
  public synchronized RegionMap rm() {
    RegionMap r = rm;
    if (r == null) {
      r = RpcInterface.of(RegionMap.class).client(pdSession().addressSpace());
      rm = r;
    }
    return r;
  }

  /** Returns the calling thread's view of the component's memory. */
  public MemoryView memory() {
    return NativeThread.current().gate().memory();
  }

  private Capability<Object> initialSession(String name) {
    try {
      return parentInterface().session(name, "");
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      throw new IllegalStateException("no initial session " + name + ": " + e.getMessage(), e);
    }
  }

  /** Returns the CPU the component's main thread runs on. */
  public int cpu() {
    return cpu;
  }

  /** Returns the component's log. */
  public Log log() {
    return pd.log();
  }
}
