package io.github.genova.genode.base.nova;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.cap.SelectorAllocator;
import io.github.genova.genode.base.log.Log;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A component's own protection domain as its host code sees it: the PD capability with the rights to
 * create ECs, SCs, portals and semaphores in it (as in Genode's classic NOVA binding, where a component
 * creates its own kernel objects), the allocator of its capability selectors, its stack area, its event
 * window for new ECs and its log.
 *
 * <p>The event window is a block of 32 selectors whose STARTUP portal leads to a local EC that starts every
 * global EC of the PD (the portal may be called from any CPU). Kernel objects are created by the EC whose
 * code calls these methods ({@link NativeThread#current()}); a refusal by the kernel is a broken invariant
 * of this PD and is thrown as an {@link IllegalStateException} naming the hypercall and the status.
 */
public final class NativePd {
  /** Selector of the page-fault portal in a component's initial window. */
  public static final long PT_SEL_PAGE_FAULT = Event.PAGE_FAULT;
  /** Selector of the parent capability in a component's initial window ([C] {@code PT_SEL_PARENT}). */
  public static final long PT_SEL_PARENT = 0x1a;
  /** Selector of the component's own PD capability in its initial window. */
  public static final long PD_SEL = 0x1b;
  /** Selector of the startup portal in a component's initial window. */
  public static final long PT_SEL_STARTUP = Event.STARTUP;
  /** Number of selectors of an event window. */
  public static final int EVENT_WINDOW = Event.HOST_EVENTS;
  /** log2 of {@link #EVENT_WINDOW}. */
  public static final int EVENT_WINDOW_ORDER = 5;
  /** The object space of a PD, as a translate window: every selector (2^16, the HIP's SEL). */
  public static final long TRANSLATE_ALL = Crd.encode(Crd.Type.OBJECT.code(), 0, 16, Perm.ALL);

  private static final Qpd THREAD_QPD = new Qpd(1, 10_000);

  private final long pd;
  private final SelectorAllocator selectors;
  private final StackArea stackArea;
  private final Log log;
  private final long eventBase;
  private final long starter;
  private volatile @Nullable LongPredicate threadPagers;

  private NativePd(long pd, SelectorAllocator selectors, StackArea stackArea, Log log, long eventBase,
      long starter) {
    this.pd = pd;
    this.selectors = selectors;
    this.stackArea = stackArea;
    this.log = log;
    this.eventBase = eventBase;
    this.starter = starter;
  }

  /**
   * Sets up the PD for host code running as its first EC: creates the local EC that starts the PD's
   * further global ECs and its event window.
   *
   * @param gate the hypercall gate of the calling (first) EC of the PD
   * @param pd the selector of the PD's own capability (with all creation rights)
   * @param selectors the allocator of the PD's free selectors
   * @param stackArea the PD's stack area (slot 0 and whatever else is taken must already be allocated)
   * @param log the component's log
   */
  public static NativePd bootstrap(Hypercalls gate, long pd, SelectorAllocator selectors, StackArea stackArea,
      Log log) {
    long window = selectors.alloc(EVENT_WINDOW_ORDER);
    long starter = createStarter(gate, pd, selectors, stackArea);
    check(gate.createPt(window + Event.STARTUP, pd, starter, Mtd.RSP, 0, true), "create_pt (startup)");
    return new NativePd(pd, selectors, stackArea, log, window, starter);
  }

  /**
   * Sets up the PD of a child whose parent furnished its initial event window (selectors 0..31: STARTUP and
   * whatever exception portals the parent installed, a pager's among them): every EC of the PD uses that
   * window. The PD still gets its own starter for the children it starts.
   */
  public static NativePd bootstrapInInitialWindow(Hypercalls gate, long pd, SelectorAllocator selectors,
      StackArea stackArea, Log log) {
    return new NativePd(pd, selectors, stackArea, log, 0, createStarter(gate, pd, selectors, stackArea));
  }

  private static long createStarter(Hypercalls gate, long pd, SelectorAllocator selectors, StackArea stackArea) {
    long starter = selectors.alloc();
    int slot = stackArea.alloc();
    check(gate.createEc(starter, pd, gate.cpu(), StackArea.utcbAddress(slot), StackArea.stackTop(slot), 0, false,
        NativePd::startup), "create_ec (starter)");
    return starter;
  }

  /** The STARTUP handler: lets the new EC run its host code (the IP is informative only for host code). */
  private static void startup(Hypercalls self, long ip, long pid) {
    Utcb u = self.utcb();
    u.setMtd(Mtd.RIP_LEN);
    u.setIp(StackArea.BASE);
    u.setCounts(0, 0);
  }

  /** Returns the selector of the PD's own capability. */
  public long selector() {
    return pd;
  }

  /** Returns the PD's capability-selector allocator. */
  public SelectorAllocator selectors() {
    return selectors;
  }

  /** Returns the PD's stack area. */
  public StackArea stackArea() {
    return stackArea;
  }

  /** Returns the component's log. */
  public Log log() {
    return log;
  }

  /** Returns the event base of the PD's ECs (see {@link #pageThreadsWith}): its window holds the STARTUP portal. */
  public long eventBase() {
    return eventBase;
  }

  /**
   * Creates, at {@code sel}, a portal to the local EC that starts this PD's global ECs: a parent puts one
   * at the STARTUP slot of a child's initial window, so the child's first EC can start.
   */
  public void createStartupPortal(long sel) {
    check(gate().createPt(sel, pd, starter, Mtd.RSP, 0, true), "create_pt (startup)");
  }

  /** Creates a semaphore with counter {@code count}; returns its selector. */
  public long createSemaphore(long count) {
    long sm = selectors.alloc();
    check(gate().createSm(sm, pd, count), "create_sm");
    return sm;
  }

  /**
   * Creates a local EC on {@code cpu} with its UTCB in stack-area slot {@code slot}, running {@code code} for
   * every call of its portals; returns its selector.
   */
  public long createLocalEc(int cpu, int slot, HostCode code) {
    long ec = selectors.alloc();
    check(gate().createEc(ec, pd, cpu, StackArea.utcbAddress(slot), StackArea.stackTop(slot), eventBase, false,
        code), "create_ec (local)");
    return ec;
  }

  /**
   * Creates a global EC on {@code cpu} with its UTCB in stack-area slot {@code slot}, running {@code code} once
   * it has a scheduling context; returns its selector.
   */
  public long createGlobalEc(int cpu, int slot, HostCode code) {
    long base = ownEventWindow();
    long ec = selectors.alloc();
    check(gate().createEc(ec, pd, cpu, StackArea.utcbAddress(slot), StackArea.stackTop(slot), base, true,
        code), "create_ec (global)");
    return ec;
  }

  /**
   * Gives each global EC created from now on an event window of its own: its STARTUP portal, and at its
   * page-fault slot whatever {@code placePager} puts there (given the selector; it answers whether it did).
   * Genode on NOVA pages each thread by a pager of its own, so one thread's fault waiting for a region-map
   * fault handler holds up no other thread's faults. Where {@code placePager} cannot, the EC shares the
   * PD's window. Other exception portals of the PD's window are not repeated (a parent installs only the
   * pager).
   */
  public void pageThreadsWith(LongPredicate placePager) {
    threadPagers = placePager;
  }

  private long ownEventWindow() {
    LongPredicate pagers = threadPagers;
    if (pagers == null) {
      return eventBase;
    }
    long window = selectors.alloc(EVENT_WINDOW_ORDER);
    if (!pagers.test(window + Event.PAGE_FAULT)) {
      selectors.free(window, EVENT_WINDOW_ORDER);
      return eventBase;
    }
    createStartupPortal(window + Event.STARTUP);
    return window;
  }

  /** Creates a scheduling context for global EC {@code ec}, which starts it; returns its selector. */
  public long createSc(long ec) {
    long sc = selectors.alloc();
    check(gate().createSc(sc, pd, ec, THREAD_QPD), "create_sc");
    return sc;
  }

  /**
   * Creates a portal at {@code sel} to local EC {@code ec} (no exception state, entry {@code ip}), callable
   * from every CPU (the cross-CPU right of Genode's NOVA fork).
   */
  public void createPortal(long sel, long ec, long ip) {
    check(gate().createPt(sel, pd, ec, 0, ip, true), "create_pt");
  }

  /** Sets the portal id of portal {@code pt}. */
  public void setPortalId(long pt, long id) {
    check(gate().ptCtrl(pt, id), "pt_ctrl");
  }

  /**
   * Releases a capability this PD received and no longer needs: revokes it from this PD (and whatever was
   * delegated from it) and frees its selector. The invalid capability is ignored.
   */
  public void release(Capability<?> cap) {
    if (!cap.valid()) {
      return;
    }
    revoke(cap.selector());
    selectors.free(cap.selector());
  }

  /** Revokes the capability at {@code sel} from this PD and everyone it was delegated to. */
  public void revoke(long sel) {
    gate().revoke(Crd.object(sel, 0, Perm.ALL), true);
  }

  private static Hypercalls gate() {
    return NativeThread.current().gate();
  }

  static void check(Status status, String what) {
    if (status != Status.SUCCESS) {
      throw new IllegalStateException(what + " failed: " + status);
    }
  }
}
