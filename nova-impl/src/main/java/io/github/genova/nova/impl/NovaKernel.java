package io.github.genova.nova.impl;

import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.Hip;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.RootTaskFailure;
import io.github.genova.nova.api.Utcb;
import io.github.genova.platform.Machine;
import io.github.genova.platform.MmioRegion;
import io.github.genova.platform.PhysicalMemory;
import io.github.genova.platform.ReservedRange;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The NOVA kernel on a {@link Machine}: boots the kernel PD (idle SCs at selectors 0.., interrupt
 * semaphores at 64 + GSI, all physical memory and ports, reachable by the root task through delegate items
 * with the host flag), the HIP, and the root PD with its PD, EC and SC capabilities at selectors 32, 33
 * and 34, the HIP in the top user page and the root UTCB one page below.
 *
 * <p>Each global EC with an SC runs on its own virtual thread; a portal call runs the local EC's code on
 * the caller's thread (see {@link HypercallGate}). In virtual time the clock jumps to the next semaphore
 * deadline whenever every EC is blocked.
 */
public final class NovaKernel implements Kernel {
  /** Selector base of the interrupt semaphores in the kernel PD: the maximum CPU count. */
  static final int GSI_SELECTOR_BASE = 64;
  /** Vector of GSI 0 in the MSI data {@code assign_gsi} returns. */
  static final int GSI_VECTOR_BASE = 0x20;
  /** Root PD capability selectors (EXC + 0, 1, 2 with EXC = 32). */
  static final long ROOT_PD = 32;
  static final long ROOT_EC = 33;
  static final long ROOT_SC = 34;
  /** Where the HIP is mapped in the root PD: the top user page. */
  public static final long HIP_ADDRESS = HypercallGate.USER_LIMIT - Utcb.SIZE;
  /** Where the root EC's UTCB is mapped: one page below the HIP. */
  public static final long ROOT_UTCB_ADDRESS = HIP_ADDRESS - Utcb.SIZE;
  /** Physical address space the kernel hands out through host delegation: 4 GiB. */
  private static final long HOST_MEMORY_PAGES = 1L << 20;

  private static final System.Logger LOG = System.getLogger("io.github.genova.nova.impl");

  final Machine machine;
  final KernelConfig config;
  final TimeKeeper time;
  final Scheduler scheduler;
  final Mdb mdb;
  final Helping helping = new Helping();
  final Pd kernelPd;
  final Pd rootPd;
  private final KernelMemory kernelMemory;
  private final Hip hip;
  private final Sm[] gsiSemaphores;
  /** Every EC created and not yet retired, in creation order (so shutdown, too, is deterministic). */
  private final Queue<Ec> ecs = new ConcurrentLinkedQueue<>();
  private volatile @Nullable Ec rootEc;
  private final CountDownLatch rootDone = new CountDownLatch(1);
  private volatile @Nullable Throwable rootFailure;
  private volatile boolean started;

  private NovaKernel(Machine machine, KernelConfig config) {
    this.machine = machine;
    this.config = config;
    this.time = new TimeKeeper(machine.clock(), machine.deadlines());
    this.scheduler =
        new Scheduler(this, config.mode() == ExecutionMode.DETERMINISTIC, machine.cpuCount(), config.seed());
    this.mdb = new Mdb(this);
    PhysicalMemory ram = machine.memory();
    long frames = ram.frameCount();
    long reserved = Math.min(Math.max(1024, frames / 16), frames / 2);
    this.kernelMemory = new KernelMemory(ram, frames - reserved, frames);

    this.kernelPd = new Pd(this, "kernel");
    kernelPd.acquire();
    for (int cpu = 0; cpu < machine.cpuCount(); cpu++) {
      Ec idle = new Ec(this, kernelPd, Ec.Kind.GLOBAL, cpu, null, null, 0, null, -1, 0, 0, null);
      mdb.installObject(kernelPd, cpu, new Sc(this, idle, scheduler.cpu(cpu), 0, 1_000_000), Perm.SC_FRESH);
    }
    int gsis = machine.interrupts().count();
    this.gsiSemaphores = new Sm[gsis];
    for (int gsi = 0; gsi < gsis; gsi++) {
      gsiSemaphores[gsi] = new Sm(this, 0, gsi);
      mdb.installObject(kernelPd, GSI_SELECTOR_BASE + gsi, gsiSemaphores[gsi], Perm.SM_FRESH);
    }
    for (int gsi = 0; gsi < gsis; gsi++) {
      machine.interrupts().mask(gsi); // as the I/O APIC's pins: masked until routed or waited for
    }
    machine.interrupts().attach(this::interrupt);

    long hipFrame = kernelMemory.allocate();
    this.hip = Hip.format(ram.frame(hipFrame), new Hip.Fields(machine.cpuCount(), 0, 1, 1 << Pd.SELECTOR_BITS,
        Event.HOST_EVENTS, Event.VCPU_EVENTS, gsis, 1 << 12 | 1 << 21, 1 << 12, 2_000_000, 100_000,
        memoryMap(machine, kernelMemory.firstFrame(), reserved)));

    this.rootPd = new Pd(this, "root");
    mdb.installObject(rootPd, ROOT_PD, rootPd, Perm.PD_ALL);
    mdb.installMemory(rootPd, HIP_ADDRESS >>> 12, hipFrame, Perm.MEM_R);
  }

  /**
   * The HIP's memory descriptors: the RAM the root task may use (without the holes devices punched into
   * it and the ranges the firmware reserved), the kernel's own frames, and as {@link Hip#MEM_RESERVED} the
   * firmware's reserved ranges (a PC BIOS's vector table and data area, option ROMs and system BIOS, as its
   * e820 map lists them) and every device window that is plain memory (a linear framebuffer): the root task
   * may map those like RAM and hand them to drivers, but never allocates them. Register windows are not
   * listed: no host memory view can map them.
   */
  private static List<Hip.MemoryRegion> memoryMap(Machine machine, long firstKernelFrame, long kernelFrames) {
    List<Hip.MemoryRegion> map = new ArrayList<>();
    PhysicalMemory ram = machine.memory();
    long runStart = -1;
    for (long pfn = 0; pfn <= firstKernelFrame; pfn++) {
      boolean usable = pfn < firstKernelFrame && ram.isRam(pfn) && !ram.isReserved(pfn);
      if (usable && runStart < 0) {
        runStart = pfn;
      } else if (!usable && runStart >= 0) {
        map.add(new Hip.MemoryRegion(runStart << 12, (pfn - runStart) << 12, Hip.MEM_AVAILABLE, 0));
        runStart = -1;
      }
    }
    map.add(new Hip.MemoryRegion(firstKernelFrame << 12, kernelFrames << 12, Hip.MEM_HYPERVISOR, 0));
    for (ReservedRange r : ram.reservations()) {
      map.add(new Hip.MemoryRegion(r.base(), r.length(), Hip.MEM_RESERVED, 0));
    }
    for (MmioRegion r : machine.mmio().regions()) {
      MemorySegment direct = r.device().directMemory();
      if (direct != null) {
        long mappable = Math.min(r.length(), direct.byteSize()) & -4096L;
        if ((r.base() & 0xfff) == 0 && mappable > 0) {
          map.add(new Hip.MemoryRegion(r.base(), mappable, Hip.MEM_RESERVED, 0));
        }
      }
    }
    return map;
  }

  /**
   * Boots a kernel on {@code machine}.
   *
   * @throws IllegalArgumentException if the machine does not match the configuration
   */
  public static NovaKernel boot(Machine machine, KernelConfig config) {
    if (machine.cpuCount() != config.cpus()) {
      throw new IllegalArgumentException(
          "config says " + config.cpus() + " CPUs, the machine has " + machine.cpuCount());
    }
    if (machine.clock().isVirtual() != (config.mode() == ExecutionMode.DETERMINISTIC)) {
      throw new IllegalArgumentException("DETERMINISTIC mode needs a virtual clock, PARALLEL a real one");
    }
    return new NovaKernel(machine, config);
  }

  /** Boots a kernel on a fresh machine of the configured size. */
  public static NovaKernel boot(KernelConfig config) {
    Machine machine = Machine.builder()
        .cpus(config.cpus())
        .ram(config.ramBytes())
        .virtualTime(config.mode() == ExecutionMode.DETERMINISTIC)
        .build();
    return boot(machine, config);
  }

  /** Returns the machine the kernel runs on. */
  public Machine machine() {
    return machine;
  }

  @Override
  public Hip hip() {
    return hip;
  }

  @Override
  public ExecutionMode mode() {
    return config.mode();
  }

  @Override
  public long nanos() {
    return scheduler.now();
  }

  int cpuCount() {
    return machine.cpuCount();
  }

  private long ecIds;

  /** Returns the next EC creation number. */
  synchronized long nextEcId() {
    return ecIds++;
  }

  /** Returns the hash of every scheduling decision so far: equal for equal runs in deterministic mode. */
  public long traceHash() {
    return scheduler.traceHash();
  }

  // --- ECs ---

  /**
   * Creates an EC with a fresh kernel-allocated UTCB mapped at {@code utcbAddress} (0: none).
   *
   * @return the EC, or null when the kernel has no memory left for its UTCB
   */
  @Nullable Ec newEc(Pd pd, Ec.Kind kind, int cpu, long utcbAddress, long sp, long evtBase, @Nullable HostCode code) {
    Utcb utcb = null;
    MdbNode mapping = null;
    long frame = -1;
    if (utcbAddress != 0) {
      frame = kernelMemory.allocateUtcb();
      if (frame < 0) {
        return null;
      }
      utcb = new Utcb(java.util.Objects.requireNonNull(kernelMemory.heapPage(frame)));
      mapping = mdb.installMemory(pd, utcbAddress >>> 12, frame, Perm.MEM_R | Perm.MEM_W);
    }
    long @Nullable [] words = frame < 0 ? null : kernelMemory.words(frame);
    Ec ec = new Ec(this, pd, kind, cpu, utcb, words, utcbAddress, mapping, frame, sp, evtBase, code);
    ecs.add(ec);
    return ec;
  }

  /** Returns how many kernel frames (for UTCBs) are free. */
  long kernelFramesAvailable() {
    return kernelMemory.available();
  }

  /**
   * Destroyed EC {@code ec} can run no code any more: its UTCB frame goes back to the kernel's memory and
   * the kernel forgets the EC.
   */
  void retired(Ec ec, long utcbFrame) {
    kernelMemory.free(utcbFrame);
    ecs.remove(ec);
  }

  /** Gives global EC {@code ec} its thread: STARTUP (unless it is the root EC), then its code. */
  void startGlobal(Ec ec, Sc sc, boolean root) {
    ec.currentSc = sc;
    Thread thread = Thread.ofVirtual()
        .name((root ? "root EC" : ec.toString()))
        .unstarted(() -> runGlobal(ec, sc, root));
    ec.thread = thread;
    ec.threadRunning = true;
    scheduler.admit(sc);
    thread.start();
  }

  private void runGlobal(Ec ec, Sc sc, boolean root) {
    try {
      scheduler.awaitDispatch(sc);
      if (!root && !ec.gate.deliverEvent(Event.STARTUP, 0, 0)) {
        return;
      }
      HostCode code = ec.code;
      if (code == null) {
        log(ec + " has no host code; x86 code ECs cannot run yet");
        return;
      }
      while (!ec.isDead()) {
        try {
          code.run(ec.gate, ec.ip, root ? 0 : ec.gpr[7]);
          return;
        } catch (KernelUnwind unwind) {
          return;
        } catch (RuntimeException | Error fault) {
          ec.gate.hostFault(fault);
        }
      }
    } catch (KernelUnwind unwind) {
      // Killed while waiting to run (before its code started, or during STARTUP's handler): done.
    } finally {
      scheduler.retire(sc);
      ec.threadRunning = false;
      ec.returnUtcbIfUnused();
      if (root) {
        String reason = ec.deathReason();
        if (reason != null && rootFailure == null) {
          rootFailure = new IllegalStateException("the root EC was killed: " + reason);
        }
        rootDone.countDown();
      }
    }
  }

  /** Records a fault of host code (the root task's first one is reported by {@link #awaitRoot}). */
  void hostFault(Ec ec, Throwable fault) {
    if (ec == rootEc && rootFailure == null) {
      rootFailure = fault;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> ec + " faulted", fault);
  }

  void log(String message) {
    LOG.log(System.Logger.Level.DEBUG, message);
  }

  /** The kernel PD's nodes in a range, created on first use for memory (4 GiB) and ports (all 64 Ki). */
  List<MdbNode> hostNodes(CapabilitySpace.Kind kind, long base, long count) {
    CapabilitySpace space = kernelPd.space(kind);
    long limit = switch (kind) {
      case OBJECT -> 0;
      case MEMORY -> HOST_MEMORY_PAGES;
      case IO -> space.size();
    };
    if (kind == CapabilitySpace.Kind.OBJECT) {
      return space.range(base, count);
    }
    int perms = kind == CapabilitySpace.Kind.MEMORY ? Perm.MEM_RWX : Perm.IO_ACCESS;
    var nodes = new ArrayList<MdbNode>();
    for (long i = base; i < Math.min(base + count, limit); i++) {
      MdbNode node = space.get(i);
      if (node == null) {
        node = new MdbNode(kernelPd, kind, i, perms, null, i);
        space.put(node);
      }
      nodes.add(node);
    }
    return nodes;
  }

  // --- physical memory ---

  /**
   * Returns the host memory of physical page {@code pfn} (for a UTCB frame its heap page), or null when no
   * memory backs it.
   */
  @Nullable MemorySegment physicalPage(long pfn) {
    MemorySegment utcbPage = kernelMemory.heapPage(pfn);
    if (utcbPage != null) {
      return utcbPage;
    }
    PhysicalMemory ram = machine.memory();
    return ram.isRam(pfn) ? ram.frame(pfn) : deviceMemory(pfn << 12, 4096);
  }

  /**
   * Returns the host memory behind {@code [address, address + length)} when the range lies in one device
   * window that is plain memory ({@link io.github.genova.platform.MmioDevice#directMemory}), else null.
   */
  private @Nullable MemorySegment deviceMemory(long address, long length) {
    MmioRegion r = machine.mmio().find(address);
    if (r == null) {
      return null;
    }
    MemorySegment direct = r.device().directMemory();
    long offset = address - r.base();
    if (direct == null || offset + length > Math.min(r.length(), direct.byteSize())) {
      return null;
    }
    return direct.asSlice(offset, length);
  }

  /**
   * Returns one contiguous host segment over a physical range, or null when there is none (as for a range
   * that holds a UTCB frame and more).
   */
  @Nullable MemorySegment physicalRange(long address, long length) {
    long firstPfn = address >>> 12;
    long lastPfn = (address + length - 1) >>> 12;
    for (long pfn = firstPfn; pfn <= lastPfn && length > 0; pfn++) {
      MemorySegment utcbPage = kernelMemory.heapPage(pfn);
      if (utcbPage != null) {
        return firstPfn == lastPfn ? utcbPage.asSlice(address & 0xfff, length) : null;
      }
    }
    MemorySegment ram = machine.memory().range(address, length);
    return ram != null ? ram : deviceMemory(address, length);
  }

  // --- interrupts ---

  /**
   * A device raised {@code gsi}: the line stays masked until a driver waits on its semaphore again (a
   * level-triggered line would otherwise fire at once), the CPU it is routed to takes the interrupt, and
   * the semaphore is upped.
   */
  private void interrupt(int gsi) {
    machine.interrupts().mask(gsi);
    Sm sm = gsiSemaphores[gsi];
    scheduler.interrupt(gsi, sm.routedCpu);
    sm.up();
  }

  /** Routes {@code gsi} to {@code cpu}, where its interrupts are taken from now on, and enables the line. */
  void routeGsi(int gsi, int cpu) {
    gsiSemaphores[gsi].routedCpu = cpu;
    machine.interrupts().unmask(gsi);
  }

  // --- the root task ---

  @Override
  public void start(HostCode rootTask) {
    Ec ec = createRootEc(rootTask);
    startGlobal(ec, ec.scs.getFirst(), true);
  }

  @Override
  public Hypercalls attachRoot() {
    Ec ec = createRootEc(null);
    Sc sc = ec.scs.getFirst();
    ec.currentSc = sc;
    ec.thread = Thread.currentThread();
    scheduler.admit(sc);
    scheduler.awaitDispatch(sc);
    return ec.gate;
  }

  private Ec createRootEc(@Nullable HostCode rootTask) {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("the root task was started already");
      }
      started = true;
    }
    Ec ec = newEc(rootPd, Ec.Kind.GLOBAL, 0, ROOT_UTCB_ADDRESS, HIP_ADDRESS, 0, rootTask);
    if (ec == null) {
      throw new IllegalStateException("no kernel memory for the root UTCB");
    }
    Sc sc = new Sc(this, ec, scheduler.cpu(0), 1, 10_000);
    mdb.installObject(rootPd, ROOT_EC, ec, Perm.EC_FRESH);
    mdb.installObject(rootPd, ROOT_SC, sc, Perm.SC_FRESH);
    ec.scs.add(sc);
    rootEc = ec;
    return ec;
  }

  @Override
  public boolean awaitRoot(Duration timeout) throws InterruptedException {
    boolean done = rootDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    @Nullable Throwable failure = rootFailure;
    if (failure != null) {
      throw new RootTaskFailure("the root task failed: " + failure, failure);
    }
    return done;
  }

  @Override
  public void close() {
    for (Ec ec : ecs) {
      ec.kill("the kernel shut down");
    }
    for (Ec ec : ecs) {
      Thread t = ec.thread;
      if (t != null && t != Thread.currentThread()) {
        try {
          t.join(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    machine.close();
  }
}
