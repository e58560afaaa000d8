package io.github.genova.nova.api;

/**
 * Message transfer descriptor bits (classic x86). For exception and VM-exit portals the portal's MTD
 * selects which state the kernel stores into the handler's UTCB; the handler's reply puts an MTD into
 * data word 0 to select which state is written back (0 changes nothing). Regular IPC carries no MTD.
 * For host ECs only {@link #GPR_ACDB}, {@link #GPR_BSD}, {@link #RSP}, {@link #RIP_LEN}, {@link #RFLAGS},
 * {@link #QUAL} and {@link #FPU} matter.
 */
public final class Mtd {
  private Mtd() {}

  /** RAX, RCX, RDX, RBX. */
  public static final long GPR_ACDB = 1L << 0;
  /** RBP, RSI, RDI. */
  public static final long GPR_BSD = 1L << 1;
  /** RSP. */
  public static final long RSP = 1L << 2;
  /** RIP and instruction length. */
  public static final long RIP_LEN = 1L << 3;
  /** RFLAGS. */
  public static final long RFLAGS = 1L << 4;
  /** DS and ES. */
  public static final long DS_ES = 1L << 5;
  /** FS and GS. */
  public static final long FS_GS = 1L << 6;
  /** CS and SS. */
  public static final long CS_SS = 1L << 7;
  /** TR. */
  public static final long TR = 1L << 8;
  /** LDTR. */
  public static final long LDTR = 1L << 9;
  /** GDTR. */
  public static final long GDTR = 1L << 10;
  /** IDTR. */
  public static final long IDTR = 1L << 11;
  /** CR0, CR2, CR3, CR4. */
  public static final long CR = 1L << 12;
  /** DR7. */
  public static final long DR = 1L << 13;
  /** SYSENTER MSRs. */
  public static final long SYSENTER = 1L << 14;
  /** Exit qualification (read only): for exceptions, error code and fault address. */
  public static final long QUAL = 1L << 15;
  /** Execution controls (write only). */
  public static final long CTRL = 1L << 16;
  /** Event injection info and error code. */
  public static final long INJ = 1L << 17;
  /** Interruptibility and activity state. */
  public static final long STA = 1L << 18;
  /** TSC value and offset. */
  public static final long TSC = 1L << 19;
  /** EFER. */
  public static final long EFER = 1L << 20;
  /** FPU state (transferred in registers). */
  public static final long FPU = 1L << 31;
  /** Everything a host-EC exception handler can see. */
  public static final long HOST_ALL = GPR_ACDB | GPR_BSD | RSP | RIP_LEN | RFLAGS | QUAL;
}
