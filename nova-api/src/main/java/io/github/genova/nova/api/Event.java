package io.github.genova.nova.api;

/**
 * Event numbers: an EC's event of number N is delivered as an implicit call through portal selector
 * SEL_EVT + N of its PD's object space (SEL_EVT is fixed when the EC is created).
 */
public final class Event {
  private Event() {}

  /** #DE divide error. */
  public static final int DIVIDE_ERROR = 0x00;
  /** #DB debug. */
  public static final int DEBUG = 0x01;
  /** #BP breakpoint. */
  public static final int BREAKPOINT = 0x03;
  /** #OF overflow. */
  public static final int OVERFLOW = 0x04;
  /** #BR bound range. */
  public static final int BOUND_RANGE = 0x05;
  /** #UD invalid opcode. */
  public static final int INVALID_OPCODE = 0x06;
  /** #NM device not available. */
  public static final int DEVICE_NOT_AVAILABLE = 0x07;
  /** #DF double fault. */
  public static final int DOUBLE_FAULT = 0x08;
  /** #TS invalid TSS. */
  public static final int INVALID_TSS = 0x0a;
  /** #NP segment not present. */
  public static final int SEGMENT_NOT_PRESENT = 0x0b;
  /** #SS stack fault. */
  public static final int STACK_FAULT = 0x0c;
  /** #GP general protection. */
  public static final int GENERAL_PROTECTION = 0x0d;
  /** #PF page fault: error code in qual[0], fault address in qual[1]. */
  public static final int PAGE_FAULT = 0x0e;
  /** #MF x87 floating-point error. */
  public static final int FPU_ERROR = 0x10;
  /** #AC alignment check. */
  public static final int ALIGNMENT_CHECK = 0x11;
  /** #MC machine check. */
  public static final int MACHINE_CHECK = 0x12;
  /** #XM SIMD floating-point error. */
  public static final int SIMD_ERROR = 0x13;
  /** STARTUP of a global host EC: its first event, once an SC is bound. */
  public static final int STARTUP = 0x1e;
  /** RECALL of a host EC, requested through {@code ec_ctrl}. */
  public static final int RECALL = 0x1f;
  /** STARTUP of a vCPU. */
  public static final int VCPU_STARTUP = 0xfe;
  /** RECALL of a vCPU. */
  public static final int VCPU_RECALL = 0xff;

  /** Number of event selectors of a host EC (HIP field EXC). */
  public static final int HOST_EVENTS = 32;
  /** Number of event selectors of a vCPU (HIP field VMI). */
  public static final int VCPU_EVENTS = 256;
}
