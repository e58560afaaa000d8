package io.github.genova.genode.base.core.memory;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Core's pager: local ECs that handle the page faults of core's own threads (resolving core's
 * {@link PhysicalMemory physical window}) and, one EC per portal handed out, of every address space core serves
 * (resolving them through their region maps), and core's general-protection faults of port accesses (taking all I/O ports from the
 * kernel). A page-fault portal's id names the address space; the handler runs on the faulting
 * thread, answers with a memory delegate item from the kernel's space (core is the root PD) at the
 * faulting page, and the kernel retries the access. A fault no region resolves blocks the faulting thread
 * inside the handler until its address space says otherwise, as an unresolved fault does in Genode.
 */
public final class Pager {
  /** How an address space resolves a fault. */
  public interface AddressSpace {
    /**
     * Returns the mapping for the page at {@code address}, blocking (through {@code pager}, the pager EC's
     * gate on the faulting thread) until there is one if the fault must wait for a region-map fault handler.
     *
     * @param write whether the access was a write
     */
    Mapping resolve(Hypercalls pager, long address, boolean write);
  }

  /**
   * A resolved fault: physical frame {@code frame} (a page number) mapped with {@code perms}.
   *
   * @param frame the physical page number
   * @param perms memory permissions ({@link Perm#MEM_R} etc.)
   */
  public record Mapping(long frame, int perms) {}

  /** The portal id of core's own page faults, resolved in core's physical window. */
  private static final long CORE = 0;
  /** The portal id of a served address space's page faults (its handler knows the space). */
  private static final long SPACE = 1;
  /** The portal id of core's general-protection handler, which takes the I/O ports core touches. */
  private static final long PORTS = Long.MAX_VALUE;

  private final NativePd pd;
  private final PhysicalMemory memory;
  private final int cpu;
  /** A semaphore nobody ups: a thread whose fault nothing can resolve waits on it forever. */
  private final long never;
  private final Handler coreHandler;
  /** The pager ECs of the address spaces core serves. */
  private final List<Handler> handlers = new ArrayList<>();

  /**
   * One pager EC, as Genode on NOVA gives each paged thread its own (a PD's initial window and each thread's
   * window get one: {@code PdSession.pager}, {@code threadPager}): a fault that waits for its region map's
   * fault handler blocks only this EC, so the handler's own faults, served by another, still resolve.
   */
  private final class Handler {
    private final @Nullable AddressSpace space;
    private final int slot;
    private final long ec;
    private final long blockingSemaphore;
    private @Nullable NativeThread thread;

    Handler(@Nullable AddressSpace space) {
      this.space = space;
      this.slot = pd.stackArea().alloc();
      this.blockingSemaphore = pd.createSemaphore(0);
      this.ec = pd.createLocalEc(cpu, slot, this::fault);
    }

    /** The pager EC's code: runs as core's native thread "pager" (so RPCs and semaphores use core's selectors). */
    private void fault(Hypercalls self, long ip, long id) {
      NativeThread t = thread;
      if (t == null) {
        t = new NativeThread(pd, self, ec, blockingSemaphore, "pager");
        thread = t;
      }
      NativeThread previous = NativeThread.slot().set(t);
      try {
        handle(self, id, space);
      } finally {
        NativeThread.slot().set(previous);
      }
    }

    private void destroy() {
      pd.release(Capability.of(ec));
      pd.release(Capability.of(blockingSemaphore));
      pd.stackArea().free(slot);
    }
  }

  /**
   * Creates core's pager in {@code pd} and installs it for core's own threads: at the page-fault slot of
   * the root EC's event window (0) and of {@code pd}'s event window. Called by core's main thread.
   */
  public Pager(NativePd pd, PhysicalMemory memory) {
    this.pd = pd;
    this.memory = memory;
    this.cpu = NativeThread.current().gate().cpu();
    this.never = pd.createSemaphore(0);
    this.coreHandler = new Handler(null);
    install(Event.PAGE_FAULT, coreHandler, CORE);
    install(pd.eventBase() + Event.PAGE_FAULT, coreHandler, CORE);
    install(Event.GENERAL_PROTECTION, coreHandler, PORTS);
    install(pd.eventBase() + Event.GENERAL_PROTECTION, coreHandler, PORTS);
  }

  /**
   * Revokes, from every address space core served them to, the mappings of the frames {@code [phys, phys +
   * size)}; later accesses fault and are resolved anew. Called by a thread of core.
   */
  public void revoke(long phys, long size) {
    Hypercalls gate = NativeThread.current().gate();
    for (long off = 0; off < size; off += PhysicalMemory.PAGE) {
      gate.revoke(Crd.memory(PhysicalMemory.coreAddress(phys + off) >>> 12, 0, Perm.MEM_R | Perm.MEM_W
          | Perm.MEM_X), false);
    }
  }

  /**
   * Creates, at selector {@code sel} of core, a page-fault portal for {@code space}, served by a pager EC of
   * the space's own: put at the page-fault slot of a PD's event window, it makes this pager that PD's pager.
   *
   * @throws IllegalStateException if core's stack area has no slot left for the pager EC
   */
  public synchronized void installFor(long sel, AddressSpace space) {
    Handler h = new Handler(space);
    handlers.add(h);
    install(sel, h, SPACE);
  }

  /**
   * Forgets {@code space}: its pager ECs are destroyed, so faults through portals installed for it are no
   * longer resolved. Called when the address space is destroyed.
   */
  public void forget(AddressSpace space) {
    List<Handler> gone = new ArrayList<>();
    synchronized (this) {
      handlers.removeIf(h -> space.equals(h.space) && gone.add(h));
    }
    gone.forEach(Handler::destroy);
  }

  private void install(long sel, Handler handler, long id) {
    Hypercalls gate = NativeThread.current().gate();
    check(gate.createPt(sel, pd.selector(), handler.ec, Mtd.QUAL, 0, true), "create_pt (page fault)");
    check(gate.ptCtrl(sel, id), "pt_ctrl (page fault)");
    // The id decides whose faults resolve how (0 = core's own window onto all memory): no holder may change it.
    gate.revoke(Crd.object(sel, 0, Perm.PT_CTRL), true);
  }

  private void handle(Hypercalls self, long id, @Nullable AddressSpace space) {
    Utcb u = self.utcb();
    if (space == null && id == PORTS) {
      // Core owns every I/O port: the first access of any takes them all from the kernel.
      u.setMtd(0);
      u.setCounts(0, 0);
      u.appendDelegate(Crd.io(0, 16, Perm.IO_ACCESS), 0, Utcb.ITEM_HOST);
      return;
    }
    long error = u.qual(0);
    long address = u.qual(1);
    Mapping m = space == null ? coreMapping(address) : space.resolve(self, address, (error & 2) != 0);
    u.setMtd(0);
    u.setCounts(0, 0);
    if (m == null) {
      self.smDown(never, false, 0);
    } else if (space == null) {
      u.appendDelegate(Crd.memory(m.frame(), 0, m.perms()), address >>> 12, Utcb.ITEM_HOST);
    } else {
      // From core's own window (every dataspace frame is mapped there), so that detach can revoke it.
      u.appendDelegate(Crd.memory(PhysicalMemory.coreAddress(m.frame() << 12) >>> 12, 0, m.perms()),
          address >>> 12, 0);
    }
  }

  private @Nullable Mapping coreMapping(long address) {
    long phys = address - PhysicalMemory.WINDOW_BASE;
    if (!memory.inWindow(phys)) {
      pd.log().error("core page fault at 0x" + Long.toHexString(address) + " outside core's memory window");
      return null;
    }
    return new Mapping(phys >>> 12, Perm.MEM_R | Perm.MEM_W);
  }

  private static void check(Status s, String what) {
    if (s != Status.SUCCESS) {
      throw new IllegalStateException(what + " failed: " + s);
    }
  }
}
