package io.github.genova.platform.x86;

import java.util.Arrays;

/**
 * A snapshot of the architectural state of one IA-32 CPU: general registers, EIP, EFLAGS, the six segment
 * registers with their hidden descriptor caches, the descriptor-table registers, control registers and the
 * current privilege level. It is a plain value holder that a machine, a test or a debugger fills in and hands
 * to {@link X86Cpu#loadState}, or receives from {@link X86Cpu#saveState}; it performs no checks itself.
 *
 * <p>Segment attributes use the layout of descriptor bits 40..55 shifted down by 8: type in bits 0..3, S in 4,
 * DPL in 5..6, P in 7, AVL in 12, D/B in 14, G in 15 (limits here are always byte-granular).
 */
public final class X86State {
  /** Index of ES in the segment arrays (the x86 encoding order). */
  public static final int ES = 0;
  /** Index of CS. */
  public static final int CS = 1;
  /** Index of SS. */
  public static final int SS = 2;
  /** Index of DS. */
  public static final int DS = 3;
  /** Index of FS. */
  public static final int FS = 4;
  /** Index of GS. */
  public static final int GS = 5;

  /** Register index of EAX in {@link #regs} (x86 encoding order EAX ECX EDX EBX ESP EBP ESI EDI). */
  public static final int EAX = 0;
  /** Register index of ECX. */
  public static final int ECX = 1;
  /** Register index of EDX. */
  public static final int EDX = 2;
  /** Register index of EBX. */
  public static final int EBX = 3;
  /** Register index of ESP. */
  public static final int ESP = 4;
  /** Register index of EBP. */
  public static final int EBP = 5;
  /** Register index of ESI. */
  public static final int ESI = 6;
  /** Register index of EDI. */
  public static final int EDI = 7;

  /** Attributes of a present, writable, accessed data segment as real mode loads it. */
  public static final int REAL_MODE_DATA = 0x93;
  /** Attributes of a present, readable, accessed code segment as real mode loads it. */
  public static final int REAL_MODE_CODE = 0x9b;

  /** General registers in encoding order. */
  public final int[] regs = new int[8];
  /** Instruction pointer (offset in CS). */
  public int eip;
  /** EFLAGS, all bits materialised. */
  public int eflags = 2;
  /** Visible segment selectors. */
  public final int[] selector = new int[6];
  /** Hidden segment bases (linear). */
  public final int[] base = new int[6];
  /** Hidden segment limits, byte granular (0xffff in real mode). */
  public final int[] limit = new int[6];
  /** Hidden segment attributes (see the class comment). */
  public final int[] attributes = new int[6];
  /** GDTR base and limit. */
  public int gdtBase;
  /** GDTR limit. */
  public int gdtLimit = 0xffff;
  /** IDTR base. */
  public int idtBase;
  /** IDTR limit. */
  public int idtLimit = 0x3ff;
  /** LDTR selector, base, limit. */
  public int ldtSelector;
  /** LDTR base. */
  public int ldtBase;
  /** LDTR limit. */
  public int ldtLimit;
  /** TR selector. */
  public int trSelector;
  /** TR base. */
  public int trBase;
  /** TR limit. */
  public int trLimit;
  /** TR attributes (type 0xb: busy 32-bit TSS). */
  public int trAttributes = 0x8b;
  /** CR0 (reset value 0x60000010: CD, NW, ET). */
  public int cr0 = 0x6000_0010;
  /** CR2, the last page-fault linear address. */
  public int cr2;
  /** CR3, the page-directory base. */
  public int cr3;
  /** CR4. */
  public int cr4;
  /** Current privilege level, 0..3 (0 in real mode). */
  public int cpl;
  /** Whether the A20 gate passes address bit 20. */
  public boolean a20 = true;

  /** Creates the state of a CPU after RESET: CS:EIP = F000:FFF0 with CS base 0xFFFF0000, real mode. */
  public X86State() {
    reset();
  }

  /** Puts this snapshot in the RESET state (as after power-on: EDX holds no signature here, it is zero). */
  public void reset() {
    Arrays.fill(regs, 0);
    for (int s = 0; s < 6; s++) {
      setRealModeSegment(s, 0);
    }
    selector[CS] = 0xf000;
    base[CS] = 0xffff_0000;
    eip = 0xfff0;
    eflags = 2;
    gdtBase = 0;
    gdtLimit = 0xffff;
    idtBase = 0;
    idtLimit = 0x3ff;
    ldtSelector = 0;
    ldtBase = 0;
    ldtLimit = 0xffff;
    trSelector = 0;
    trBase = 0;
    trLimit = 0xffff;
    trAttributes = 0x8b;
    cr0 = 0x6000_0010;
    cr2 = 0;
    cr3 = 0;
    cr4 = 0;
    cpl = 0;
    a20 = true;
  }

  /** Loads segment {@code seg} the way real mode does: base = value * 16, limit 0xffff. */
  public void setRealModeSegment(int seg, int value) {
    selector[seg] = value & 0xffff;
    base[seg] = (value & 0xffff) << 4;
    limit[seg] = 0xffff;
    attributes[seg] = seg == CS ? REAL_MODE_CODE : REAL_MODE_DATA;
  }

  /**
   * Puts the segments in 32-bit flat protected mode at ring 0, as a boot loader leaves a kernel: CR0 = PE | ET,
   * every segment with base 0, a 4 GiB limit and D/B set, CS a readable code segment with selector
   * {@code codeSelector}, the others writable data segments with {@code dataSelector}. The descriptor tables
   * are not touched: a guest that reloads a segment or takes an interrupt needs a GDT that matches.
   */
  public void setFlatProtectedMode(int codeSelector, int dataSelector) {
    cr0 = 0x11;
    cpl = 0;
    for (int s = 0; s < 6; s++) {
      selector[s] = s == CS ? codeSelector : dataSelector;
      base[s] = 0;
      limit[s] = -1;
      attributes[s] = s == CS ? 0xc09b : 0xc093;
    }
  }

  /** Copies every field of {@code other} into this snapshot. */
  public void copyFrom(X86State other) {
    System.arraycopy(other.regs, 0, regs, 0, 8);
    System.arraycopy(other.selector, 0, selector, 0, 6);
    System.arraycopy(other.base, 0, base, 0, 6);
    System.arraycopy(other.limit, 0, limit, 0, 6);
    System.arraycopy(other.attributes, 0, attributes, 0, 6);
    eip = other.eip;
    eflags = other.eflags;
    gdtBase = other.gdtBase;
    gdtLimit = other.gdtLimit;
    idtBase = other.idtBase;
    idtLimit = other.idtLimit;
    ldtSelector = other.ldtSelector;
    ldtBase = other.ldtBase;
    ldtLimit = other.ldtLimit;
    trSelector = other.trSelector;
    trBase = other.trBase;
    trLimit = other.trLimit;
    trAttributes = other.trAttributes;
    cr0 = other.cr0;
    cr2 = other.cr2;
    cr3 = other.cr3;
    cr4 = other.cr4;
    cpl = other.cpl;
    a20 = other.a20;
  }
}
