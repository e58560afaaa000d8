package io.github.genova.nova.impl;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercall;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.Utcb;
import org.jspecify.annotations.Nullable;

/**
 * The kernel entry of one EC: every hypercall its code makes arrives here, is checked against the EC's
 * capabilities and answered with a NOVA status. Each entry charges a fixed cost to the SC the EC runs on
 * and is a point where a killed EC's code is unwound and a pending recall is raised.
 */
final class HypercallGate implements Hypercalls {
  /** Virtual cost of one kernel entry, charged to the running SC. */
  static final long ENTRY_NANOS = 100;

  /** The highest user virtual address (exclusive) on x86-64. */
  static final long USER_LIMIT = 0x0000_7fff_ffff_f000L;

  private final Ec ec;
  private final NovaKernel kernel;
  /** The kernel's scheduler, which every entry and exit consults (one load fewer than through the kernel). */
  private final Scheduler scheduler;
  private final HostMemory memory;
  /** The EC's UTCB, null for a vCPU (kept here: the handler of a call reaches it in one load). */
  private final @Nullable Utcb utcb;
  /** The directory of the PD's object space, for the capability lookups of the IPC path. */
  private final @Nullable Object[] objects;
  /**
   * The portal of this EC's last call, with its selector and capability node: a one-entry cache of the
   * object-space walk, as a TLB is for page tables. A call through the same selector uses it while the
   * node still grants the call right; that is exact because a node leaves its space only with its
   * permissions cleared ({@link Mdb}) and what a node names never changes. Only the thread running this EC
   * uses it.
   */
  private long lastCallSel;
  private @Nullable MdbNode lastCallNode;
  private @Nullable Pt lastCallPortal;
  private long out1;
  private long out2;

  HypercallGate(Ec ec) {
    this.ec = ec;
    this.kernel = ec.kernel;
    this.scheduler = ec.kernel.scheduler;
    this.memory = new HostMemory(ec);
    this.utcb = ec.utcb;
    this.objects = ec.pd.objects.objectDirectory();
  }

  /**
   * Kernel entry: unwinds a dead EC, raises a pending recall, accounts the entry (and maybe switches);
   * returns the SC the EC runs on (null if none). An EC's SC stays the same while its own hypercall is in
   * the kernel: it is set when a global EC starts and when a local EC's call begins, and cleared when that
   * call ends, so the exit of the same hypercall may use it again ({@link #leaveFrom}).
   */
  private @Nullable Sc enter() {
    Ec self = ec;
    if (self.isDead()) {
      throw KernelUnwind.DEATH;
    }
    recallIfPending();
    Sc sc = self.currentSc;
    if (sc != null) {
      scheduler.entry(sc);
    }
    return sc;
  }

  /** A page fault enters the kernel as a hypercall does: a point where the EC may be preempted. */
  void faultEntry() {
    enter();
  }

  /**
   * Kernel exit: returns {@code status} to the EC's code unless it died meanwhile; a pending recall is
   * raised and a pending preemption carried out first.
   */
  private Status leave(Status status) {
    return leaveFrom(status, ec.currentSc);
  }

  /** {@link #leave} for the hypercall whose {@link #enter} returned {@code sc}. */
  private Status leaveFrom(Status status, @Nullable Sc sc) {
    if (ec.isDead()) {
      throw KernelUnwind.DEATH;
    }
    recallIfPending();
    if (sc != null) {
      scheduler.exit(sc);
    }
    return status;
  }

  /** Raises RECALL if {@code ec_ctrl} asked for it: before the EC's code runs again. */
  private void recallIfPending() {
    Ec self = ec;
    if (self.recallPending) {
      self.recallPending = false;
      deliverEvent(Event.RECALL, 0, 0);
    }
  }

  @Override
  public Utcb utcb() {
    Utcb u = utcb;
    if (u == null) {
      throw new IllegalStateException("a vCPU has no UTCB");
    }
    return u;
  }

  @Override
  public int cpu() {
    return ec.cpu;
  }

  @Override
  public MemoryView memory() {
    return memory;
  }

  @Override
  public int in(int port, int size) {
    enter();
    checkPortSize(size);
    while (!portAccessible(port, size)) {
      protectionFault();
    }
    kernel.scheduler.now(); // devices read the machine clock
    return leave(kernel.machine.ports().in(port, size));
  }

  @Override
  public void out(int port, int size, int value) {
    enter();
    checkPortSize(size);
    while (!portAccessible(port, size)) {
      protectionFault();
    }
    kernel.scheduler.now(); // devices read the machine clock
    kernel.machine.ports().out(port, size, value);
    leave(Status.SUCCESS);
  }

  private static void checkPortSize(int size) {
    if (size != 1 && size != 2 && size != 4) {
      throw new IllegalArgumentException("port access size must be 1, 2 or 4: " + size);
    }
  }

  /** Returns whether every port of the access is in the PD's port space (as the x86 I/O bitmap checks). */
  private boolean portAccessible(int port, int size) {
    for (int p = port; p < port + size; p++) {
      MdbNode node = ec.pd.ports.get(p & 0xffff);
      if (node == null || (node.perms & Perm.IO_ACCESS) == 0 || p > 0xffff || p < 0) {
        return false;
      }
    }
    return true;
  }

  /** Raises #GP for a port access without the right; returns when the handler replied. */
  private void protectionFault() {
    if (!deliverEvent(Event.GENERAL_PROTECTION, 0, 0)) {
      throw KernelUnwind.DEATH;
    }
  }

  private int leave(int value) {
    leave(Status.SUCCESS);
    return value;
  }

  @Override
  public long out1() {
    return out1;
  }

  @Override
  public long out2() {
    return out2;
  }

  // --- IPC ---

  @Override
  public Status call(long pt, int flags) {
    Sc sc = enter();
    // One exit for every outcome: the fast path compiles with a single copy of leave().
    return leaveFrom(invoke(pt, flags), sc);
  }

  /** The call between kernel entry and exit: finds the portal, takes its EC, transfers, serves, replies. */
  private Status invoke(long pt, int flags) {
    Ec self = ec;
    MdbNode node = lastCallNode;
    Pt portal = lastCallPortal;
    if (node == null || portal == null || pt != lastCallSel || (node.perms & Perm.PT_CALL) == 0) {
      node = CapabilitySpace.lookupObject(objects, pt);
      if (node == null || !(node.object instanceof Pt found) || (node.perms & Perm.PT_CALL) == 0) {
        return Status.BAD_CAP;
      }
      portal = found;
      lastCallSel = pt;
      lastCallNode = node;
      lastCallPortal = found;
    }
    Ec callee = portal.ec;
    if (callee.cpu != self.cpu && (node.perms & Perm.PT_XCPU) == 0) {
      return Status.BAD_CPU;
    }
    if (callee.isDead()) {
      return Status.TIMEOUT;
    }
    Status taken = callee.take(self, (flags & Hypercall.FLAG_CALL_NON_BLOCKING) != 0);
    if (taken != Status.SUCCESS) {
      if (taken == Status.ABORTED) {
        self.kill("livelock: it calls " + callee + ", which waits for its own call to return");
      }
      return taken;
    }
    Ipc.transfer(kernel.mdb, self, callee);
    Status result = serveOnItsCpu(portal, self);
    if (result == Status.SUCCESS) {
      Ipc.transfer(kernel.mdb, callee, self);
    }
    callee.free();
    return result;
  }

  /**
   * Runs {@code portal}'s local EC's code for one invocation on the current thread, on {@code caller}'s SC
   * when both are on one CPU. A callee on another CPU (the portal had the cross-CPU permission) runs there,
   * on an SC borrowed with the caller's priority and quantum; the caller's CPU serves others meanwhile and
   * the time is charged to the caller's SC afterwards.
   *
   * @return SUCCESS when it replied; ABORTED when it died or faulted
   */
  private Status serveOnItsCpu(Pt portal, Ec caller) {
    Sc donor = caller.currentSc;
    if (donor == null || portal.ec.cpu == donor.cpu.id) {
      return serve(portal, donor);
    }
    Scheduler scheduler = kernel.scheduler;
    Sc borrowed = scheduler.crossTo(donor, scheduler.cpu(portal.ec.cpu));
    try {
      return serve(portal, borrowed);
    } finally {
      scheduler.crossBack(donor, borrowed);
    }
  }

  /**
   * Runs {@code portal}'s local EC's code for one invocation on the current thread and SC {@code sc}, with
   * the portal's entry IP and id.
   *
   * @return SUCCESS when it replied; ABORTED when it died or faulted
   */
  private static Status serve(Pt portal, @Nullable Sc sc) {
    Ec callee = portal.ec;
    callee.currentSc = sc;
    HostCode code = callee.code;
    if (code == null) {
      callee.kill("it has no host code, and x86 code ECs cannot run yet");
      return Status.ABORTED;
    }
    HypercallGate entry = portal.entry;
    try {
      code.run(entry, portal.ip, portal.id);
    } catch (KernelUnwind unwind) {
      // REPLY ends the invocation normally; DEATH means callee is dead, checked below.
    } catch (RuntimeException | Error fault) {
      entry.hostFault(fault);
      return Status.ABORTED;
    }
    return callee.isDead() ? Status.ABORTED : Status.SUCCESS;
  }

  @Override
  public void reply() {
    enter();
    if (ec.kind == Ec.Kind.LOCAL) {
      throw KernelUnwind.REPLY;
    }
    // A global EC has no caller: it waits for good, that is, until it is killed.
    ec.prepareBlock(waiter -> true);
    ec.block(0);
    throw KernelUnwind.DEATH;
  }

  // --- events ---

  /**
   * Delivers event {@code event} of this EC: an implicit call through portal SEL_EVT + event of its PD,
   * carrying the state the portal's MTD selects; the handler's reply MTD selects what is written back and
   * its typed items (e.g. memory for a page fault) go to this EC's PD. No portal kills this EC, and so
   * does, as in classic NOVA, a portal whose EC is on another CPU, unless the portal's capability carries
   * the cross-CPU permission {@link Perm#PT_XCPU} (the opt-in extension): then the handler runs on its own
   * CPU on an SC borrowed from this EC's.
   *
   * @return true if the handler replied, false if the EC was killed
   */
  boolean deliverEvent(int event, long qual0, long qual1) {
    Ec self = ec;
    MdbNode node = CapabilitySpace.lookupObject(objects, self.evtBase + event);
    if (node == null || !(node.object instanceof Pt portal)) {
      self.kill("no portal for event 0x" + Integer.toHexString(event));
      return false;
    }
    Ec handler = portal.ec;
    if (handler.cpu != self.cpu && (node.perms & Perm.PT_XCPU) == 0) {
      self.kill("the handler of event 0x" + Integer.toHexString(event) + " is on CPU " + handler.cpu);
      return false;
    }
    Status taken = handler.take(self, false);
    if (taken != Status.SUCCESS) {
      self.kill("the handler of event 0x" + Integer.toHexString(event)
          + (taken == Status.ABORTED ? " waits for this EC (livelock)" : " is dead"));
      return false;
    }
    kernel.scheduler.trace(TraceEvent.Kind.EVENT, self.id, self.cpu, event);
    Utcb theirs = handler.gate.utcb();
    storeState(theirs, portal.mtd, qual0, qual1);
    Status result = serveOnItsCpu(portal, self);
    if (result == Status.SUCCESS) {
      loadState(theirs);
      if (theirs.typed() > 0) {
        Ipc.transfer(kernel.mdb, theirs, handler.pd, eventReceiveArea(event, qual1), self.pd);
      }
    }
    handler.free();
    if (result != Status.SUCCESS) {
      self.kill("the handler of event 0x" + Integer.toHexString(event) + " died or faulted");
      return false;
    }
    return true;
  }

  /**
   * The receive side of an event reply: a scratch UTCB (the EC's own one may hold a message its code is
   * composing) whose delegate window takes, for a page fault, the order-31 memory window (2^31 pages)
   * aligned around the fault address (the hotspot picks the page), for a protection fault any I/O port,
   * and otherwise what the EC's own UTCB window says.
   */
  private Utcb eventReceiveArea(int event, long faultAddress) {
    Utcb scratch = new Utcb(java.lang.foreign.MemorySegment.ofArray(new long[Utcb.SIZE / 8]));
    scratch.setDelegateWindow(switch (event) {
      case Event.PAGE_FAULT -> Crd.memory((faultAddress >>> 12) & -(1L << 31), 31, Perm.MEM_RWX);
      case Event.GENERAL_PROTECTION -> Crd.io(0, 16, Perm.IO_ACCESS);
      default -> utcb().delegateWindow();
    });
    scratch.setTranslateWindow(Crd.NULL);
    return scratch;
  }

  private void storeState(Utcb u, long mtd, long qual0, long qual1) {
    Ec self = ec;
    u.setCounts(Utcb.DATA_WORDS, 0);
    u.setMtd(mtd);
    if ((mtd & Mtd.GPR_ACDB) != 0) {
      for (int r = 0; r < 4; r++) {
        u.setGpr(r, self.gpr[r]);
      }
    }
    if ((mtd & Mtd.GPR_BSD) != 0) {
      for (int r = 5; r < 8; r++) {
        u.setGpr(r, self.gpr[r]);
      }
    }
    if ((mtd & Mtd.RSP) != 0) {
      u.setSp(self.gpr[4]);
    }
    if ((mtd & Mtd.RIP_LEN) != 0) {
      u.setIp(self.ip);
      u.setWord(1, 0);
    }
    if ((mtd & Mtd.RFLAGS) != 0) {
      u.setFlags(self.flags);
    }
    if ((mtd & Mtd.QUAL) != 0) {
      u.setQual(0, qual0);
      u.setQual(1, qual1);
    }
  }

  private void loadState(Utcb u) {
    Ec self = ec;
    long mtd = u.mtd();
    if ((mtd & Mtd.GPR_ACDB) != 0) {
      for (int r = 0; r < 4; r++) {
        self.gpr[r] = u.gpr(r);
      }
    }
    if ((mtd & Mtd.GPR_BSD) != 0) {
      for (int r = 5; r < 8; r++) {
        self.gpr[r] = u.gpr(r);
      }
    }
    if ((mtd & Mtd.RSP) != 0) {
      self.gpr[4] = u.sp();
    }
    if ((mtd & Mtd.RIP_LEN) != 0) {
      self.ip = u.ip();
    }
    if ((mtd & Mtd.RFLAGS) != 0) {
      // As the classic kernel: arithmetic and control flags only, interrupts stay enabled.
      self.flags = (u.flags() & 0xcd5) | 0x202;
    }
  }

  /**
   * A Java exception escaped this EC's host code: deliver it as the exception event {@link
   * HostFaults#eventOf} maps it to (qual[0] = 0, qual[1] = 0). Without a handler the EC dies.
   */
  void hostFault(Throwable fault) {
    kernel.hostFault(ec, fault);
    if (!ec.isDead()) {
      deliverEvent(HostFaults.eventOf(fault), 0, 0);
    }
  }

  // --- creation ---

  @Override
  public Status createPd(long sel, long ownerPd, Crd caps) {
    enter();
    return leave(createPdChecked(sel, ownerPd, caps));
  }

  private Status createPdChecked(long sel, long ownerPd, Crd caps) {
    Pd self = ec.pd;
    MdbNode owner = ownerNode(ownerPd, Perm.PD_CREATE_PD);
    if (owner == null) {
      return Status.BAD_CAP;
    }
    Mdb mdb = kernel.mdb;
    mdb.lock().lock();
    try {
      if (!mdb.isFree(self, sel)) {
        return Status.BAD_CAP;
      }
      Pd pd = new Pd(kernel, self.name + "." + Long.toHexString(self.objects.wrap(sel)));
      mdb.installObject(self, sel, pd, owner.perms);
      if (!caps.isNull()) {
        long window = Crd.encode(caps.type().code(), 0, caps.order(), Perm.ALL);
        mdb.delegate(self, caps.word(), 0, false, pd, window);
      }
    } finally {
      mdb.lock().unlock();
    }
    return Status.SUCCESS;
  }

  @Override
  public Status createEc(long sel, long ownerPd, int cpu, long utcbAddress, long sp, long evtBase, boolean global,
      @Nullable HostCode code) {
    enter();
    return leave(createEcChecked(sel, ownerPd, cpu, utcbAddress, sp, evtBase, global, code));
  }

  private Status createEcChecked(long sel, long ownerPd, int cpu, long utcbAddress, long sp, long evtBase,
      boolean global, @Nullable HostCode code) {
    if (cpu < 0 || cpu >= kernel.cpuCount()) {
      return Status.BAD_CPU;
    }
    if (utcbAddress == 0) {
      return Status.BAD_FTR; // a vCPU, and the simulated machine offers neither VMX nor SVM
    }
    MdbNode owner = ownerNode(ownerPd, Perm.PD_CREATE_EC);
    if (owner == null || !(owner.object instanceof Pd pd)) {
      return Status.BAD_CAP;
    }
    if ((utcbAddress & (Utcb.SIZE - 1)) != 0 || Long.compareUnsigned(utcbAddress, USER_LIMIT) >= 0) {
      return Status.BAD_PAR;
    }
    Mdb mdb = kernel.mdb;
    mdb.lock().lock();
    try {
      if (pd.memory.get(utcbAddress >>> 12) != null) {
        return Status.BAD_PAR;
      }
      if (!mdb.isFree(ec.pd, sel)) {
        return Status.BAD_CAP;
      }
      Ec created = kernel.newEc(pd, global ? Ec.Kind.GLOBAL : Ec.Kind.LOCAL, cpu, utcbAddress, sp, evtBase, code);
      if (created == null) {
        return Status.BAD_PAR; // no kernel memory left for the UTCB
      }
      mdb.installObject(ec.pd, sel, created, Perm.EC_FRESH);
    } finally {
      mdb.lock().unlock();
    }
    return Status.SUCCESS;
  }

  @Override
  public Status createSc(long sel, long ownerPd, long ecSel, Qpd qpd) {
    enter();
    return leave(createScChecked(sel, ownerPd, ecSel, qpd));
  }

  private Status createScChecked(long sel, long ownerPd, long ecSel, Qpd qpd) {
    if (ownerNode(ownerPd, Perm.PD_CREATE_SC) == null) {
      return Status.BAD_CAP;
    }
    if (!(ec.pd.object(ecSel, Kobject.Type.EC, Perm.EC_BIND_SC) instanceof Ec target) || !target.isGlobal()) {
      return Status.BAD_CAP;
    }
    if (qpd.priority() <= 0 || qpd.priority() >= 128 || qpd.quantumMicros() <= 0) {
      return Status.BAD_PAR;
    }
    Mdb mdb = kernel.mdb;
    Sc sc;
    boolean first;
    mdb.lock().lock();
    try {
      if (!mdb.isFree(ec.pd, sel)) {
        return Status.BAD_CAP;
      }
      sc = new Sc(kernel, target, kernel.scheduler.cpu(target.cpu), qpd.priority(), qpd.quantumMicros());
      mdb.installObject(ec.pd, sel, sc, Perm.SC_FRESH);
      synchronized (target.scs) {
        first = target.scs.isEmpty();
        target.scs.add(sc);
      }
    } finally {
      mdb.lock().unlock();
    }
    if (first) {
      kernel.startGlobal(target, sc, false);
    }
    return Status.SUCCESS;
  }

  @Override
  public Status createPt(long sel, long ownerPd, long ecSel, long mtd, long ip, boolean crossCpu) {
    enter();
    return leave(createPtChecked(sel, ownerPd, ecSel, mtd, ip, crossCpu));
  }

  private Status createPtChecked(long sel, long ownerPd, long ecSel, long mtd, long ip, boolean crossCpu) {
    if (ownerNode(ownerPd, Perm.PD_CREATE_PT) == null) {
      return Status.BAD_CAP;
    }
    if (!(ec.pd.object(ecSel, Kobject.Type.EC, Perm.EC_BIND_PT) instanceof Ec target)
        || target.kind != Ec.Kind.LOCAL) {
      return Status.BAD_CAP;
    }
    Mdb mdb = kernel.mdb;
    mdb.lock().lock();
    try {
      if (!mdb.isFree(ec.pd, sel)) {
        return Status.BAD_CAP;
      }
      mdb.installObject(ec.pd, sel, new Pt(kernel, target, mtd, ip), Perm.PT_FRESH | (crossCpu ? Perm.PT_XCPU : 0));
    } finally {
      mdb.lock().unlock();
    }
    return Status.SUCCESS;
  }

  @Override
  public Status createSm(long sel, long ownerPd, long counter) {
    enter();
    return leave(createSmChecked(sel, ownerPd, counter));
  }

  private Status createSmChecked(long sel, long ownerPd, long counter) {
    if (ownerNode(ownerPd, Perm.PD_CREATE_SM) == null) {
      return Status.BAD_CAP;
    }
    Mdb mdb = kernel.mdb;
    mdb.lock().lock();
    try {
      if (!mdb.isFree(ec.pd, sel)) {
        return Status.BAD_CAP;
      }
      mdb.installObject(ec.pd, sel, new Sm(kernel, counter, -1), Perm.SM_FRESH);
    } finally {
      mdb.lock().unlock();
    }
    return Status.SUCCESS;
  }

  private @Nullable MdbNode ownerNode(long sel, int perm) {
    MdbNode node = ec.pd.objects.get(sel);
    if (node == null || node.objectOf(Kobject.Type.PD) == null || (node.perms & perm) != perm) {
      return null;
    }
    return node;
  }

  // --- capabilities ---

  @Override
  public Status revoke(Crd crd, boolean self) {
    enter();
    kernel.mdb.revoke(ec.pd, crd.word(), self);
    return leave(Status.SUCCESS);
  }

  @Override
  public Status lookup(Crd crd) {
    enter();
    out1 = kernel.mdb.lookup(ec.pd, crd.word());
    return leave(Status.SUCCESS);
  }

  // --- control ---

  @Override
  public Status ecCtrl(long ecSel) {
    enter();
    if (!(ec.pd.object(ecSel, Kobject.Type.EC, Perm.EC_CTRL) instanceof Ec target)) {
      return leave(Status.BAD_CAP);
    }
    target.recallPending = true;
    return leave(Status.SUCCESS);
  }

  @Override
  public Status ecMigrate(long ecSel, int cpu) {
    enter();
    if (!(ec.pd.object(ecSel, Kobject.Type.EC, Perm.EC_CTRL) instanceof Ec target)) {
      return leave(Status.BAD_CAP);
    }
    if (cpu < 0 || cpu >= kernel.cpuCount()) {
      return leave(Status.BAD_CPU);
    }
    target.cpu = cpu;
    synchronized (target.scs) {
      for (Sc sc : target.scs) {
        kernel.scheduler.migrate(sc, kernel.scheduler.cpu(cpu));
      }
    }
    return leave(Status.SUCCESS);
  }

  @Override
  public Status scCtrl(long scSel) {
    enter();
    if (!(ec.pd.object(scSel, Kobject.Type.SC, Perm.SC_CTRL) instanceof Sc sc)) {
      return leave(Status.BAD_CAP);
    }
    out1 = (sc.isIdle() ? kernel.scheduler.idleNanos(sc.cpu) : sc.consumedNanos) / 1000;
    return leave(Status.SUCCESS);
  }

  @Override
  public Status ptCtrl(long ptSel, long pid) {
    enter();
    if (!(ec.pd.object(ptSel, Kobject.Type.PT, Perm.PT_CTRL) instanceof Pt pt)) {
      return leave(Status.BAD_CAP);
    }
    pt.id = pid;
    return leave(Status.SUCCESS);
  }

  @Override
  public Status smUp(long smSel) {
    enter();
    if (!(ec.pd.object(smSel, Kobject.Type.SM, Perm.SM_UP) instanceof Sm sm)) {
      return leave(Status.BAD_CAP);
    }
    sm.up();
    return leave(Status.SUCCESS);
  }

  @Override
  public Status smDown(long smSel, boolean zeroCount, long deadline) {
    enter();
    if (!(ec.pd.object(smSel, Kobject.Type.SM, Perm.SM_DOWN) instanceof Sm sm)) {
      return leave(Status.BAD_CAP);
    }
    return leave(sm.down(ec, zeroCount, deadline));
  }

  @Override
  public Status assignPci(long pdSel, long dev, long rid) {
    enter();
    if (ec.pd.node(pdSel, Kobject.Type.PD) == null) {
      return leave(Status.BAD_CAP);
    }
    // No IOMMU is modelled (HIP feature flags say so), so no device can be bound for DMA translation.
    return leave(Status.BAD_DEV);
  }

  @Override
  public Status assignGsi(long smSel, long dev, int cpu) {
    enter();
    if (!(ec.pd.object(smSel, Kobject.Type.SM, 0) instanceof Sm sm) || !sm.isInterrupt()) {
      return leave(Status.BAD_CAP);
    }
    if (cpu < 0 || cpu >= kernel.cpuCount()) {
      return leave(Status.BAD_CPU);
    }
    kernel.routeGsi(sm.gsi, cpu);
    out1 = 0xfee0_0000L | (long) cpu << 12;
    out2 = (long) NovaKernel.GSI_VECTOR_BASE + sm.gsi;
    return leave(Status.SUCCESS);
  }

  // --- raw register form ---

  @Override
  public Status hypercall(long rdi, long rsi, long rdx, long rax, long r8) {
    int number = (int) rdi & 0xf;
    int flags = (int) (rdi >>> 4) & 0xf;
    long sel = rdi >>> 8;
    Hypercall h = Hypercall.ofNumber(number);
    if (h == null) {
      enter();
      return leave(Status.BAD_HYP);
    }
    return switch (h) {
      case CALL -> call(sel, flags);
      case REPLY -> {
        reply();
        yield Status.SUCCESS;
      }
      case CREATE_PD -> createPd(sel, rsi, Crd.of(rdx));
      case CREATE_EC -> createEc(sel, rsi, (int) rdx & 0xfff, rdx & ~0xfffL, rax, r8,
          (flags & Hypercall.FLAG_EC_GLOBAL) != 0, null);
      case CREATE_SC -> createSc(sel, rsi, rdx, Qpd.of(rax));
      case CREATE_PT -> createPt(sel, rsi, rdx, rax, r8, (flags & Hypercall.FLAG_PT_CROSS_CPU) != 0);
      case CREATE_SM -> createSm(sel, rsi, rdx);
      case REVOKE -> revoke(Crd.of(rsi), (flags & Hypercall.FLAG_REVOKE_SELF) != 0);
      case LOOKUP -> lookup(Crd.of(rsi));
      case EC_CTRL -> flags == 4 ? ecMigrate(sel, (int) rsi) : ecCtrl(sel);
      case SC_CTRL -> scCtrl(sel);
      case PT_CTRL -> ptCtrl(sel, rsi);
      case SM_CTRL -> (flags & Hypercall.FLAG_SM_DOWN) == 0
          ? smUp(sel)
          : smDown(sel, (flags & Hypercall.FLAG_SM_ZERO_COUNT) != 0, rsi << 32 | (rdx & 0xffff_ffffL));
      case ASSIGN_PCI -> assignPci(sel, rsi, rdx);
      case ASSIGN_GSI -> assignGsi(sel, rsi, (int) rdx);
    };
  }
}
