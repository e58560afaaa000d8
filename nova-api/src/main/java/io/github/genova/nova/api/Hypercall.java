package io.github.genova.nova.api;

/**
 * NOVA's classic (2014) hypercall numbers. On x86-64 the number sits in bits 3..0 of the first argument
 * register, flags in bits 7..4 and the first selector in bits 63..8; number 0xf is no hypercall and
 * answers {@link Status#BAD_HYP}.
 */
public enum Hypercall {
  /** Calls a portal, donating the caller's SC. */
  CALL(0x0),
  /** Replies to the caller and waits for the next call. */
  REPLY(0x1),
  /** Creates a protection domain. */
  CREATE_PD(0x2),
  /** Creates an execution context. */
  CREATE_EC(0x3),
  /** Creates a scheduling context bound to a global EC. */
  CREATE_SC(0x4),
  /** Creates a portal bound to a local EC. */
  CREATE_PT(0x5),
  /** Creates a semaphore. */
  CREATE_SM(0x6),
  /** Revokes permissions from a capability range and everything derived from it. */
  REVOKE(0x7),
  /** Looks up the capability node covering a selector. */
  LOOKUP(0x8),
  /** Controls an EC (recall; Genode's fork adds yield, migrate and more). */
  EC_CTRL(0x9),
  /** Reads an SC's consumed time. */
  SC_CTRL(0xa),
  /** Sets a portal's portal id. */
  PT_CTRL(0xb),
  /** Semaphore up or down. */
  SM_CTRL(0xc),
  /** Assigns a PCI device to a PD's DMA translation. */
  ASSIGN_PCI(0xd),
  /** Routes a global system interrupt to a CPU. */
  ASSIGN_GSI(0xe);

  private static final Hypercall[] BY_NUMBER = values();

  /** Flag of {@link #CALL}: do not block (or help) when the callee is busy; answer TIMEOUT. */
  public static final int FLAG_CALL_NON_BLOCKING = 1;

  /** Flag of {@link #CREATE_EC}: the new EC is global (has SCs, no portals); clear means local. */
  public static final int FLAG_EC_GLOBAL = 1;

  /** Flag of {@link #CREATE_PT} (extension): the capability also gets {@link Perm#PT_XCPU}. */
  public static final int FLAG_PT_CROSS_CPU = 1;

  /** Flag of {@link #REVOKE}: the caller's own range loses the permissions too. */
  public static final int FLAG_REVOKE_SELF = 1;

  /** Flag of {@link #SM_CTRL}: down (clear means up). */
  public static final int FLAG_SM_DOWN = 1;

  /** Flag of {@link #SM_CTRL}: a down sets the counter to zero (zero-count down). */
  public static final int FLAG_SM_ZERO_COUNT = 2;

  private final int number;

  Hypercall(int number) {
    this.number = number;
  }

  /** Returns the hypercall's number (bits 3..0 of the first argument word). */
  public int number() {
    return number;
  }

  /** Returns the hypercall with this number, or {@code null} if the number names none (0xf and above). */
  public static @org.jspecify.annotations.Nullable Hypercall ofNumber(int number) {
    return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
  }
}
