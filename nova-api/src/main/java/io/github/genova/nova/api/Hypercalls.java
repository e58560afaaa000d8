package io.github.genova.nova.api;

import org.jspecify.annotations.Nullable;

/**
 * The hypercall gate of one EC: every classic NOVA hypercall, made by the EC this gate belongs to, with
 * selectors in that EC's PD. Bad arguments are answered with the NOVA {@link Status}, never with an
 * exception. Values a hypercall returns in registers (the CRD of {@code lookup}, the time of {@code
 * sc_ctrl}, the MSI address and data of {@code assign_gsi}) are read afterwards from {@link #out1()} and
 * {@link #out2()}, which mirror RSI and RDX of the x86-64 ABI.
 *
 * <p>A gate is used only by the code of its own EC (on whatever thread that code runs); it is not meant to
 * be shared. Every method is a kernel entry, and so a point where the EC may be preempted.
 */
public interface Hypercalls {
  /** Returns the EC's UTCB. */
  Utcb utcb();

  /** Returns the CPU the EC is bound to (it changes only through {@link #ecMigrate}). */
  int cpu();

  /** Returns the EC's view of its PD's virtual memory (page faults go to its page-fault portal). */
  MemoryView memory();

  /**
   * Reads {@code size} (1, 2 or 4) bytes from I/O port {@code port}. Without the port in the PD's port space
   * the EC raises #GP (its {@link Event#GENERAL_PROTECTION} portal); when the handler replies the access is
   * retried, so a handler may delegate the port. Without a handler the EC is killed.
   */
  int in(int port, int size);

  /** Writes {@code size} (1, 2 or 4) bytes to I/O port {@code port}; rights as for {@link #in}. */
  void out(int port, int size, int value);

  /** Calls portal {@code pt}, blocking (helping) while the callee is busy. See {@link #call(long, int)}. */
  default Status call(long pt) {
    return call(pt, 0);
  }

  /**
   * Calls portal {@code pt}: the UTCB's untyped words and typed items go to the portal's EC, which runs on
   * this EC's time; returns once it replied, with its reply in this UTCB.
   *
   * @param flags {@link Hypercall#FLAG_CALL_NON_BLOCKING}: answer TIMEOUT instead of waiting for a busy
   *     callee
   * @return SUCCESS; BAD_CAP (no portal, or no call permission); BAD_CPU (callee on another CPU without the
   *     cross-CPU permission); TIMEOUT (busy with the flag set, or the callee is dead); ABORTED (the callee
   *     died while serving)
   */
  Status call(long pt, int flags);

  /**
   * Replies to the current caller with this UTCB's message and ends the running portal invocation. In a
   * global EC (no caller) it blocks the EC for good. Never returns normally: it unwinds the host code
   * with an {@link Error} that must not be caught.
   */
  void reply();

  /**
   * Creates a PD at {@code sel} owned through {@code ownerPd} and delegates the caller's object range
   * {@code caps} to selectors 0.. of the new PD.
   *
   * @return SUCCESS; BAD_CAP (owner lacks {@link Perm#PD_CREATE_PD}, or {@code sel} is not free)
   */
  Status createPd(long sel, long ownerPd, Crd caps);

  /**
   * Creates an EC.
   *
   * @param cpu the CPU it is bound to
   * @param utcb the page-aligned virtual address of its UTCB in the owner PD, or 0 for a vCPU
   * @param sp its initial stack pointer (creators use it to tell ECs apart at STARTUP)
   * @param evtBase SEL_EVT: its event portals are at evtBase + event number
   * @param global a global EC (gets SCs) rather than a local one (gets portals)
   * @param code its host program, or {@code null} for an EC that runs x86 code from memory
   * @return SUCCESS; BAD_CPU; BAD_FTR (vCPU without VMX/SVM); BAD_CAP (owner lacks {@link
   *     Perm#PD_CREATE_EC}); BAD_PAR (UTCB unaligned, beyond the user limit or in use); BAD_CAP ({@code sel}
   *     not free), in that order of precedence
   */
  Status createEc(long sel, long ownerPd, int cpu, long utcb, long sp, long evtBase, boolean global,
      @Nullable HostCode code);

  /**
   * Creates an SC for global EC {@code ec} and makes it runnable; the EC's first SC raises its STARTUP.
   *
   * @return SUCCESS; BAD_CAP (owner, EC capability, EC kind); BAD_PAR (priority 0 or &ge; 128, quantum 0);
   *     BAD_CAP ({@code sel} not free)
   */
  Status createSc(long sel, long ownerPd, long ec, Qpd qpd);

  /**
   * Creates a portal to local EC {@code ec} with the exception-state MTD and entry IP; its portal id is 0 and
   * its capability has {@link Perm#PT_FRESH}.
   *
   * @return SUCCESS; BAD_CAP (owner, EC capability or kind, {@code sel} not free)
   */
  default Status createPt(long sel, long ownerPd, long ec, long mtd, long ip) {
    return createPt(sel, ownerPd, ec, mtd, ip, false);
  }

  /**
   * Creates a portal as {@link #createPt(long, long, long, long, long)} does; with {@code crossCpu} (an
   * extension in the spirit of Genode's NOVA fork) its capability also carries {@link Perm#PT_XCPU}, so it
   * may be called, or serve as an event portal, from ECs on other CPUs: the portal's EC then runs on its own
   * CPU, at the caller's priority, and the time is charged to the caller's SC. Without it such a call
   * answers BAD_CPU and such an exception kills the faulting EC, as in classic NOVA. Delegation can take
   * that right away but never add it.
   */
  Status createPt(long sel, long ownerPd, long ec, long mtd, long ip, boolean crossCpu);

  /**
   * Creates a semaphore with the initial counter.
   *
   * @return SUCCESS; BAD_CAP (owner or {@code sel})
   */
  Status createSm(long sel, long ownerPd, long counter);

  /**
   * Takes the permissions in {@code crd}'s mask away from everything derived from the range, and with
   * {@code self} from the caller's range too; capabilities left without permissions disappear.
   *
   * @return always SUCCESS
   */
  Status revoke(Crd crd, boolean self);

  /**
   * Looks up the capability covering {@code crd}'s base in the space of its type; the node's CRD (or the
   * null CRD) is in {@link #out1()} afterwards.
   *
   * @return always SUCCESS
   */
  Status lookup(Crd crd);

  /** Looks up the capability covering {@code crd}'s base and returns its CRD, or {@link Crd#NULL}. */
  default Crd lookupCrd(Crd crd) {
    lookup(crd);
    return Crd.of(out1());
  }

  /**
   * Recalls EC {@code ec}: it raises one RECALL event before it next runs its own code.
   *
   * @return SUCCESS; BAD_CAP (no EC, or no {@link Perm#EC_CTRL})
   */
  Status ecCtrl(long ec);

  /**
   * Genode fork extension: moves EC {@code ec} (and its SCs) to CPU {@code cpu}. Upstream NOVA binds an EC
   * to its CPU for good. A blocked or ready global EC moves at once; a running one finishes its current
   * step and continues on the new CPU from its next kernel entry (an EC migrating itself is on the new CPU
   * when this call returns). A local EC's portals accept callers from the new CPU from then on.
   *
   * @return SUCCESS; BAD_CAP (no EC, or no {@link Perm#EC_CTRL}); BAD_CPU (offline CPU)
   */
  Status ecMigrate(long ec, int cpu);

  /**
   * Reads SC {@code sc}'s consumed time in microseconds into {@link #out1()}.
   *
   * @return SUCCESS; BAD_CAP (no SC, or no {@link Perm#SC_CTRL})
   */
  Status scCtrl(long sc);

  /**
   * Sets portal {@code pt}'s portal id, which its EC receives on every later call.
   *
   * @return SUCCESS; BAD_CAP (no portal, or no {@link Perm#PT_CTRL})
   */
  Status ptCtrl(long pt, long pid);

  /**
   * Semaphore up: releases the oldest waiter, or increments the counter.
   *
   * @return SUCCESS; BAD_CAP (no SM, or no {@link Perm#SM_UP})
   */
  Status smUp(long sm);

  /**
   * Semaphore down: decrements the counter (to zero with {@code zeroCount}) or blocks until an up.
   *
   * @param deadline absolute time in nanoseconds of the kernel clock at which to give up; 0 waits forever
   * @return SUCCESS; TIMEOUT (deadline reached); BAD_CAP (no SM, or no {@link Perm#SM_DOWN}); ABORTED
   *     (the EC was killed while waiting)
   */
  Status smDown(long sm, boolean zeroCount, long deadline);

  /**
   * Binds PCI device {@code dev} (a memory selector covering its config space) to PD {@code pd}.
   *
   * @return SUCCESS; BAD_CAP; BAD_DEV
   */
  Status assignPci(long pd, long dev, long rid);

  /**
   * Routes the GSI of interrupt semaphore {@code sm} to CPU {@code cpu}; MSI address and data in {@link
   * #out1()} and {@link #out2()}.
   *
   * @return SUCCESS; BAD_CAP (not an interrupt SM); BAD_CPU (offline CPU); BAD_DEV
   */
  Status assignGsi(long sm, long dev, int cpu);

  /**
   * Makes a hypercall in raw x86-64 register form: {@code rdi} = selector &lt;&lt; 8 | flags &lt;&lt; 4 |
   * number, the further arguments in RSI, RDX, RAX, R8 as NOVA's classic interface places them. Values
   * come back in {@link #out1()}/{@link #out2()}. {@code create_ec} made this way creates an EC without host
   * code. Number 0xf answers BAD_HYP.
   */
  Status hypercall(long rdi, long rsi, long rdx, long rax, long r8);

  /** Returns the first output register (RSI) of the last hypercall that produced one. */
  long out1();

  /** Returns the second output register (RDX) of the last hypercall that produced one. */
  long out2();
}
