package io.github.genova.platform.x86.interp;

import static io.github.genova.platform.x86.X86State.CS;
import static io.github.genova.platform.x86.X86State.DS;
import static io.github.genova.platform.x86.X86State.EAX;
import static io.github.genova.platform.x86.X86State.EBP;
import static io.github.genova.platform.x86.X86State.EBX;
import static io.github.genova.platform.x86.X86State.ECX;
import static io.github.genova.platform.x86.X86State.EDI;
import static io.github.genova.platform.x86.X86State.EDX;
import static io.github.genova.platform.x86.X86State.ES;
import static io.github.genova.platform.x86.X86State.ESI;
import static io.github.genova.platform.x86.X86State.ESP;
import static io.github.genova.platform.x86.X86State.FS;
import static io.github.genova.platform.x86.X86State.GS;
import static io.github.genova.platform.x86.X86State.SS;
import static io.github.genova.platform.x86.interp.LazyFlags.AC;
import static io.github.genova.platform.x86.interp.LazyFlags.AF;
import static io.github.genova.platform.x86.interp.LazyFlags.CF;
import static io.github.genova.platform.x86.interp.LazyFlags.DF;
import static io.github.genova.platform.x86.interp.LazyFlags.ID;
import static io.github.genova.platform.x86.interp.LazyFlags.IF;
import static io.github.genova.platform.x86.interp.LazyFlags.IOPL;
import static io.github.genova.platform.x86.interp.LazyFlags.NT;
import static io.github.genova.platform.x86.interp.LazyFlags.OF;
import static io.github.genova.platform.x86.interp.LazyFlags.RF;
import static io.github.genova.platform.x86.interp.LazyFlags.TF;
import static io.github.genova.platform.x86.interp.LazyFlags.VM;
import static io.github.genova.platform.x86.interp.LazyFlags.ZF;
import static io.github.genova.platform.x86.interp.LazyFlags.mask;
import static io.github.genova.platform.x86.interp.LazyFlags.szp;
import static io.github.genova.platform.x86.interp.Vectors.BP;
import static io.github.genova.platform.x86.interp.Vectors.BR;
import static io.github.genova.platform.x86.interp.Vectors.DE;
import static io.github.genova.platform.x86.interp.Vectors.GP;
import static io.github.genova.platform.x86.interp.Vectors.NM;
import static io.github.genova.platform.x86.interp.Vectors.NP;
import static io.github.genova.platform.x86.interp.Vectors.TS;
import static io.github.genova.platform.x86.interp.Vectors.UD;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86Memory;
import io.github.genova.platform.x86.X86State;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The interpreter: an i686-class integer CPU (the i486 ISA plus CPUID, RDTSC, CMOV) in real mode and 16/32-bit
 * protected mode with paging. Code runs from {@link DecodedBlock}s decoded once per physical address and
 * default operand size and kept in {@link CodePages}, which drops a page's blocks on the first store into it
 * (self-modifying code ends the running block after the store). Instructions the block decoder does not
 * cover run through the general decode-and-execute path, which defines the semantics both share.
 * Arithmetic flags are lazy ({@link LazyFlags}); linear addresses go through the software TLB
 * ({@link Paging}) and, for RAM, a small TLB straight to host page arrays. A guest exception rolls the
 * instruction back (EIP and ESP) and is delivered through the IVT or IDT; a fault while delivering a double
 * fault shuts the CPU down with a report. Interrupts and {@link #stop} are recognised between blocks.
 * Given a {@link BlockCompiler} (the JIT backend), a block that has run often enough runs as compiled code
 * ({@link CompiledBlock}) in place of the micro-op loop, inside the same run loop and fault handling.
 *
 * <p>Not modelled: the x87 FPU (ESC opcodes are ignored unless CR0.EM or CR0.TS asks for #NM), virtual-8086
 * mode, hardware task switches (task gates, jumps to TSS descriptors and IRET with NT raise #GP), the
 * single-step trap (EFLAGS.TF) and debug-register breakpoints, CMPXCHG8B, SMM and the APIC.
 */
public final class Interpreter implements X86Cpu {
  private static final int READ = 1;
  private static final int WRITE = 2;
  /** Interrupt kinds: an exception (EIP of the faulting instruction), INT n/INT3/INTO, or INTR. */
  private static final int EXCEPTION = 0;
  private static final int SOFTWARE = 1;
  private static final int EXTERNAL = 2;
  /** String instructions run at most this many iterations before giving interrupts a chance. */
  private static final int REP_SLICE = 4096;
  private static final int[] DATA_SEGMENTS = {ES, DS, FS, GS};

  private final X86Memory memory;
  private final IoPorts ports;
  private final Paging paging;
  private final LazyFlags fl = new LazyFlags();
  private final CodePages codePages = new CodePages();
  private static final int HOST_TLB = 64;
  private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED;
  /**
   * A TLB from linear pages straight to host segments of RAM ({@link X86Memory#ramPage}), tagged with the page and the CPL (the tag is
   * never page-aligned with bit 0 set when empty). Write entries exist only for pages without decoded code,
   * so stores through them never need SMC checks.
   */
  private final int[] readTag = new int[HOST_TLB];
  private final MemorySegment[] readPage = new MemorySegment[HOST_TLB];
  private final int[] writeTag = new int[HOST_TLB];
  private final MemorySegment[] writePage = new MemorySegment[HOST_TLB];
  private final BlockDecoder decoder;
  /** Set when a store hit a page with decoded code: the running block must end after this instruction. */
  private boolean smcHit;
  /** The block that ran last, whose linked successors ({@link DecodedBlock#linked}) are tried first. */
  private @org.jspecify.annotations.Nullable DecodedBlock lastBlock;
  /** Instructions left in the current {@link #run} budget. */
  private long remaining;

  private final int[] r = new int[8];
  private int eip;
  private final int[] sel = new int[6];
  private final int[] base = new int[6];
  private final int[] limit = new int[6];
  private final int[] attr = new int[6];
  /** Allowed offsets of each segment: [lo, hi] unsigned, and READ/WRITE rights. */
  private final int[] segLo = new int[6];
  private final int[] segHi = new int[6];
  private final int[] segAccess = new int[6];
  /** Bit s set when segment s allows every offset for reading (writing): a flat segment needs no window check. */
  private int flatRead;
  private int flatWrite;
  private int gdtBase;
  private int gdtLimit;
  private int idtBase;
  private int idtLimit;
  private int ldtSel;
  private int ldtBase;
  private int ldtLimit;
  private int trSel;
  private int trBase;
  private int trLimit;
  private int trAttr;
  private int cr0;
  private int cr4;
  private final int[] dr = new int[8];
  private int cpl;
  private long a20Mask;
  private boolean protectedMode;
  private boolean pagingOn;
  private boolean code32;
  private boolean stack32;

  // Decoder state of the current instruction.
  private int start;
  private int startEsp;
  private boolean o32;
  private boolean a32;
  private int segOverride;
  private int rep;
  private int modrm;
  private int eaSeg;
  private int eaOff;
  private boolean eaUsesEsp;

  // Code fetch cache: the linear page and its RAM segment (or physical base for non-RAM pages).
  private int fetchTag = 1;
  private @org.jspecify.annotations.Nullable MemorySegment fetchPage;
  private long fetchPhys;

  private volatile boolean stopRequested;
  private volatile int intrVector = -1;
  private boolean inhibitInterrupts;
  private boolean halted;
  private boolean shutdown;
  private String shutdownCause = "";
  private long retired;
  private int[] breakpoints = new int[0];
  private int skipBreakpoint = -1;

  /** The JIT tier, or null for a pure interpreter. */
  private final @org.jspecify.annotations.Nullable BlockCompiler compiler;
  /** What compiled blocks reach of this CPU. */
  private final Guest guest = new Guest();
  /** The micro-op a compiled block was executing when it threw (see {@link Guest#faultAt}). */
  private int compiledFaultIndex;
  /** The block whose compiled code runs (see {@link Guest#loopAgain}). */
  private @org.jspecify.annotations.Nullable DecodedBlock runningBlock;

  /** Creates a CPU in the RESET state on the given memory and ports. */
  public Interpreter(X86Memory memory, IoPorts ports) {
    this(memory, ports, null);
  }

  /**
   * Creates a CPU in the RESET state on the given memory and ports that hands hot blocks to {@code compiler}
   * (null: interpret everything).
   */
  public Interpreter(X86Memory memory, IoPorts ports, @org.jspecify.annotations.Nullable BlockCompiler compiler) {
    this.memory = memory;
    this.ports = ports;
    this.compiler = compiler;
    this.paging = new Paging(memory);
    this.decoder = new BlockDecoder(memory);
    reset();
  }

  // ---------------------------------------------------------------------------------------------- state

  @Override
  public void reset() {
    loadState(new X86State());
  }

  @Override
  public X86State saveState(X86State s) {
    System.arraycopy(r, 0, s.regs, 0, 8);
    System.arraycopy(sel, 0, s.selector, 0, 6);
    System.arraycopy(base, 0, s.base, 0, 6);
    System.arraycopy(limit, 0, s.limit, 0, 6);
    System.arraycopy(attr, 0, s.attributes, 0, 6);
    s.eip = eip;
    s.eflags = fl.get();
    s.gdtBase = gdtBase;
    s.gdtLimit = gdtLimit;
    s.idtBase = idtBase;
    s.idtLimit = idtLimit;
    s.ldtSelector = ldtSel;
    s.ldtBase = ldtBase;
    s.ldtLimit = ldtLimit;
    s.trSelector = trSel;
    s.trBase = trBase;
    s.trLimit = trLimit;
    s.trAttributes = trAttr;
    s.cr0 = cr0;
    s.cr2 = paging.cr2;
    s.cr3 = paging.cr3;
    s.cr4 = cr4;
    s.cpl = cpl;
    s.a20 = a20Mask == 0xffff_ffffL;
    return s;
  }

  @Override
  public void loadState(X86State s) {
    System.arraycopy(s.regs, 0, r, 0, 8);
    eip = s.eip;
    fl.set(s.eflags);
    gdtBase = s.gdtBase;
    gdtLimit = s.gdtLimit;
    idtBase = s.idtBase;
    idtLimit = s.idtLimit;
    ldtSel = s.ldtSelector;
    ldtBase = s.ldtBase;
    ldtLimit = s.ldtLimit;
    trSel = s.trSelector;
    trBase = s.trBase;
    trLimit = s.trLimit;
    trAttr = s.trAttributes;
    cr0 = s.cr0;
    paging.cr2 = s.cr2;
    paging.cr3 = s.cr3;
    cr4 = s.cr4;
    cpl = s.cpl;
    a20Mask = s.a20 ? 0xffff_ffffL : 0xffef_ffffL;
    modeChanged();
    for (int i = 0; i < 6; i++) {
      setCache(i, s.selector[i], s.base[i], s.limit[i], s.attributes[i]);
    }
    halted = false;
    shutdown = false;
    shutdownCause = "";
    inhibitInterrupts = false;
    // A new context: memory may have been rewritten behind the CPU's back, so decoded code is dropped.
    codePages.flush();
    lastBlock = null;
    fetchTag = 1;
  }

  private void modeChanged() {
    protectedMode = (cr0 & 1) != 0;
    pagingOn = protectedMode && (cr0 & 0x8000_0000) != 0;
    paging.writeProtect = (cr0 & 0x1_0000) != 0;
    paging.largePages = (cr4 & 0x10) != 0;
    paging.flush();
    fetchTag = 1;
    flushHostTlb();
  }

  /** Loads a segment's hidden cache and derives its access window. */
  private void setCache(int s, int selector, int b, int lim, int attributes) {
    sel[s] = selector & 0xffff;
    base[s] = b;
    limit[s] = lim;
    attr[s] = attributes;
    int access;
    int lo = 0;
    int hi = lim;
    if ((attributes & 0x80) == 0 || (attributes & 0x10) == 0) {
      access = 0;
    } else if ((attributes & 0x8) != 0) {
      access = (attributes & 2) != 0 ? READ : 0;
    } else {
      access = READ | ((attributes & 2) != 0 ? WRITE : 0);
      if ((attributes & 4) != 0) {
        lo = lim + 1;
        hi = (attributes & 0x4000) != 0 ? -1 : 0xffff;
      }
    }
    if (!protectedMode && (attributes & 0x80) != 0) {
      // Real mode checks limits but not rights: every segment, CS included, is readable and writable.
      access = READ | WRITE;
    }
    segLo[s] = lo;
    segHi[s] = hi;
    segAccess[s] = access;
    boolean unlimited = lo == 0 && hi == -1;
    flatRead = unlimited && (access & READ) != 0 ? flatRead | 1 << s : flatRead & ~(1 << s);
    flatWrite = unlimited && (access & WRITE) != 0 ? flatWrite | 1 << s : flatWrite & ~(1 << s);
    if (s == CS) {
      code32 = (attributes & 0x4000) != 0;
      fetchTag = 1;
    } else if (s == SS) {
      stack32 = (attributes & 0x4000) != 0;
    }
  }

  /**
   * A real-mode segment load: only the selector and base change; the hidden limit stays (unreal mode), the
   * segment becomes a present, accessed data segment (CS: a 16-bit readable code segment).
   */
  private void loadRealSegment(int s, int value) {
    int a = s == CS ? X86State.REAL_MODE_CODE : (attr[s] & 0x4000) | X86State.REAL_MODE_DATA;
    setCache(s, value, (value & 0xffff) << 4, limit[s], a);
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public void assertIntr(int vector) {
    intrVector = vector & 0xff;
  }

  @Override
  public void deassertIntr() {
    intrVector = -1;
  }

  @Override
  public boolean intrPending() {
    return intrVector >= 0;
  }

  @Override
  public long instructions() {
    return retired;
  }

  @Override
  public void addBreakpoint(int linear) {
    int[] b = Arrays.copyOf(breakpoints, breakpoints.length + 1);
    b[breakpoints.length] = linear;
    breakpoints = b;
  }

  @Override
  public void removeBreakpoint(int linear) {
    breakpoints = Arrays.stream(breakpoints).filter(x -> x != linear).toArray();
  }

  @Override
  public void invalidateCode(long address, int length) {
    codePages.invalidate(address, length);
    flushHostTlb();
  }

  @Override
  public String shutdownCause() {
    return shutdownCause;
  }

  // -------------------------------------------------------------------------------------------- run loop

  @Override
  public ExitReason run(long budget) {
    if (shutdown) {
      return ExitReason.SHUTDOWN;
    }
    remaining = budget;
    while (true) {
      if (intrVector >= 0 && !inhibitInterrupts && (fl.bits & IF) != 0) {
        int vector = intrVector;
        intrVector = -1;
        halted = false;
        start = eip;
        startEsp = r[ESP];
        deliver(vector, -1, EXTERNAL);
        if (shutdown) {
          return ExitReason.SHUTDOWN;
        }
      }
      if (halted) {
        return ExitReason.HALT;
      }
      if (remaining <= 0) {
        return ExitReason.BUDGET;
      }
      if (stopRequested) {
        stopRequested = false;
        return ExitReason.STOPPED;
      }
      boolean single = breakpoints.length != 0;
      if (single && atBreakpoint()) {
        return ExitReason.BREAKPOINT;
      }
      inhibitInterrupts = false;
      start = eip;
      startEsp = r[ESP];
      try {
        if (single) {
          execute();
          retire();
        } else {
          runBlock();
        }
      } catch (GuestFault f) {
        eip = start;
        r[ESP] = startEsp;
        smcHit = false;
        deliver(f.vector, f.errorCode, EXCEPTION);
        retire();
        if (shutdown) {
          return ExitReason.SHUTDOWN;
        }
      } catch (RuntimeException e) {
        // A failing memory or port callback, or an engine bug: stop the CPU with a report, never throw.
        eip = start;
        r[ESP] = startEsp;
        shutdown("internal error " + e);
        return ExitReason.SHUTDOWN;
      }
    }
  }

  private void retire() {
    remaining--;
    retired++;
  }

  /** Finds (or decodes) the block at CS:EIP and runs it, then chains through linked successors. */
  private void runBlock() {
    int la = base[CS] + eip;
    if ((la & ~0xfff) != fetchTag) {
      refillFetch(la);
    }
    long phys = fetchPhys | (la & 0xfff);
    DecodedBlock previous = lastBlock;
    lastBlock = null;
    DecodedBlock b = previous != null ? previous.linked(phys) : null;
    if (b == null || !current(b, phys)) {
      b = codePages.lookup(phys, code32);
      if (b == null) {
        long limitLeft = (limit[CS] & 0xffff_ffffL) - (eip & 0xffff_ffffL) + 1;
        long max = Math.min(0x1000 - (la & 0xfff), Math.max(0, limitLeft));
        if (!code32) {
          max = Math.min(max, 0x1_0000 - (eip & 0xffff));
        }
        b = decoder.decode(phys, (int) max, code32, codePages.generation(phys));
        codePages.insert(b);
        // Stores into this page must now take the checked path.
        Arrays.fill(writeTag, 1);
      }
      if (previous != null) {
        previous.link(b);
      }
    }
    if (beyondCodeLimit(b)) {
      execute();
      retire();
      return;
    }
    while (true) {
      executeBlock(b);
      lastBlock = b;
      // Chain straight into the next block while nothing needs the run loop's attention.
      if (!mayChain()) {
        return;
      }
      int nextLinear = base[CS] + eip;
      if ((nextLinear & ~0xfff) != fetchTag) {
        return;
      }
      long nextPhys = fetchPhys | (nextLinear & 0xfff);
      DecodedBlock next = b.linked(nextPhys);
      if (next == null || !current(next, nextPhys)) {
        next = codePages.lookup(nextPhys, code32);
        if (next == null) {
          return;
        }
        b.link(next);
      }
      if (beyondCodeLimit(next)) {
        return;
      }
      lastBlock = null;
      b = next;
    }
  }

  /** Whether a block may follow the last one without a return to the run loop (budget, HLT, interrupts ...). */
  private boolean mayChain() {
    return remaining > 0 && !halted && !inhibitInterrupts && !stopRequested
        && !(intrVector >= 0 && (fl.bits & IF) != 0) && breakpoints.length == 0;
  }

  /** Whether {@code b} was decoded for this physical start and operand size from its page's current bytes. */
  private boolean current(DecodedBlock b, long phys) {
    return b.start == phys && b.code32 == code32 && b.generation == codePages.generation(phys);
  }

  /** Whether the block's last byte lies past the CS limit (then its instructions run one by one). */
  private boolean beyondCodeLimit(DecodedBlock b) {
    return b.length > 0 && Integer.compareUnsigned(eip + b.length - 1, limit[CS]) > 0;
  }

  /**
   * Runs a decoded block. The micro-op switch sits in this loop (rather than in a method of its own) so
   * that HotSpot compiles the loop, the switch and the small helpers it calls as one unit.
   */
  private void executeBlock(DecodedBlock b) {
    int[] o = b.ops;
    int n = (int) Math.min(b.count, remaining);
    int k = 0;
    int i = 0;
    int blockEip = eip;
    // The block was validated against its page generation just now; earlier stores are accounted for.
    smcHit = false;
    CompiledBlock c = b.compiled;
    BlockCompiler jit = compiler;
    if (c == null && jit != null && b.runs < jit.threshold() && ++b.runs == jit.threshold()) {
      c = jit.compile(b, stack32);
      b.compiled = c;
    }
    boolean inCompiledCode = false;
    try {
      if (c != null && c.instructions() <= n && c.fitsStack(stack32)) {
        inCompiledCode = true;
        runningBlock = b;
        int done = c.run(guest, blockEip);
        inCompiledCode = false;
        if (done < 0) {
          k = ~done;
          return;
        }
        k = done;
      }
      for (; k < n; k++) {
        i = k * DecodedBlock.STRIDE;
        int kind = o[i];
        if (kind == DecodedBlock.SLOW) {
          eip = instructionStart(blockEip, o, i);
          start = eip;
          startEsp = r[ESP];
          execute();
          k++;
          return;
        }
        int size = o[i + DecodedBlock.SIZE];
        int x = o[i + DecodedBlock.X];
        switch (kind) {
          case DecodedBlock.MOV_RR -> setReg(size, x, reg(size, o[i + DecodedBlock.Y]));
          case DecodedBlock.MOV_LOAD -> setReg(size, x, read(o[i + DecodedBlock.SEG], effectiveAddress(o, i), size));
          case DecodedBlock.MOV_STORE -> write(o[i + DecodedBlock.SEG], effectiveAddress(o, i), size, reg(size, x));
          case DecodedBlock.MOV_R_IMM -> setReg(size, x, o[i + DecodedBlock.IMM]);
          case DecodedBlock.MOV_M_IMM -> write(o[i + DecodedBlock.SEG], effectiveAddress(o, i), size, o[i + DecodedBlock.IMM]);
          case DecodedBlock.ALU_RR -> {
            int aluOp = o[i + DecodedBlock.IMM];
            int res = fl.alu(aluOp, reg(size, x), reg(size, o[i + DecodedBlock.Y]), size);
            if (aluOp != 7) {
              setReg(size, x, res);
            }
          }
          case DecodedBlock.ALU_R_M -> {
            int aluOp = o[i + DecodedBlock.IMM];
            int m = read(o[i + DecodedBlock.SEG], effectiveAddress(o, i), size);
            int res = fl.alu(aluOp, reg(size, x), m, size);
            if (aluOp != 7) {
              setReg(size, x, res);
            }
          }
          case DecodedBlock.ALU_M_R -> {
            int aluOp = o[i + DecodedBlock.IMM];
            int seg = o[i + DecodedBlock.SEG];
            int off = effectiveAddress(o, i);
            int res = fl.alu(aluOp, read(seg, off, size), reg(size, x), size);
            if (aluOp != 7) {
              write(seg, off, size, res);
            }
          }
          case DecodedBlock.ALU_R_IMM -> {
            int aluOp = o[i + DecodedBlock.Y];
            int res = fl.alu(aluOp, reg(size, x), o[i + DecodedBlock.IMM], size);
            if (aluOp != 7) {
              setReg(size, x, res);
            }
          }
          case DecodedBlock.ALU_M_IMM -> {
            int aluOp = o[i + DecodedBlock.Y];
            int seg = o[i + DecodedBlock.SEG];
            int off = effectiveAddress(o, i);
            int res = fl.alu(aluOp, read(seg, off, size), o[i + DecodedBlock.IMM], size);
            if (aluOp != 7) {
              write(seg, off, size, res);
            }
          }
          case DecodedBlock.INC_R -> setReg(size, x, fl.inc(reg(size, x), size * 8));
          case DecodedBlock.DEC_R -> setReg(size, x, fl.dec(reg(size, x), size * 8));
          case DecodedBlock.PUSH_R -> push(reg(size, x), size);
          case DecodedBlock.POP_R -> {
            int v = pop(size);
            setReg(size, x, v);
          }
          case DecodedBlock.PUSH_IMM -> push(o[i + DecodedBlock.IMM], size);
          case DecodedBlock.JCC -> {
            if (fl.condition(x)) {
              jumpTo(instructionEnd(blockEip, o, i) + o[i + DecodedBlock.IMM], size);
              k++;
              return;
            }
          }
          case DecodedBlock.JMP -> {
            jumpTo(instructionEnd(blockEip, o, i) + o[i + DecodedBlock.IMM], size);
            k++;
            return;
          }
          case DecodedBlock.CALL -> {
            int next = instructionEnd(blockEip, o, i);
            int target = next + o[i + DecodedBlock.IMM];
            if (size == 2) {
              target &= 0xffff;
            }
            checkCodeLimit(target);
            push(next, size);
            eip = target;
            k++;
            return;
          }
          case DecodedBlock.RET -> {
            int target = peek(0, size);
            if (size == 2) {
              target &= 0xffff;
            }
            checkCodeLimit(target);
            setSp(sp() + size);
            eip = target;
            k++;
            return;
          }
          case DecodedBlock.LEA -> setReg(size, x, effectiveAddress(o, i));
          case DecodedBlock.TEST_RR -> fl.logic(reg(size, x) & reg(size, o[i + DecodedBlock.Y]), size * 8);
          case DecodedBlock.TEST_R_IMM -> fl.logic(reg(size, x) & o[i + DecodedBlock.IMM], size * 8);
          case DecodedBlock.MOVX_R, DecodedBlock.MOVX_M -> {
            int form = o[i + DecodedBlock.IMM];
            int srcSize = form & 0xff;
            int v = kind == DecodedBlock.MOVX_R ? reg(srcSize, o[i + DecodedBlock.Y])
                : read(o[i + DecodedBlock.SEG], effectiveAddress(o, i), srcSize);
            setReg(size, x, (form & 0x100) != 0 ? signExtend(v, srcSize) : v);
          }
          default -> { }
        }
        if (smcHit) {
          smcHit = false;
          eip = instructionEnd(blockEip, o, i);
          k++;
          return;
        }
      }
      if (n > 0) {
        eip = instructionEnd(blockEip, o, (n - 1) * DecodedBlock.STRIDE);
      }
    } catch (RuntimeException e) {
      if (inCompiledCode) {
        k = compiledFaultIndex;
        i = k * DecodedBlock.STRIDE;
      }
      if (e instanceof GuestFault && o[i] != DecodedBlock.SLOW) {
        // Fast micro-ops touch ESP only after their last possible fault: roll back EIP alone.
        start = instructionStart(blockEip, o, i);
        startEsp = r[ESP];
      }
      throw e;
    } finally {
      // Instructions completed in this block; a faulting one is counted by the run loop.
      remaining -= k;
      retired += k;
    }
  }

  /**
   * What a {@link CompiledBlock} may do to this CPU: the interpreter's own register file, flags, memory
   * accesses (segment checks, TLB, paging, self-modifying-code tracking) and code-limit check, so compiled
   * code and the micro-op loop share every semantic rule. Public only for the JIT backend's generated
   * classes (this package is not exported).
   */
  public final class Guest {
    /** The general registers in encoding order; compiled code may cache them and write them back. */
    public final int[] registers = r;
    /** The arithmetic flags. */
    public final LazyFlags flags = fl;

    private Guest() {}

    /** Reads {@code size} bytes at {@code offset} in segment {@code segment}; may raise a guest fault. */
    public int read(int segment, int offset, int size) {
      return Interpreter.this.read(segment, offset, size);
    }

    /** Writes {@code size} bytes at {@code offset} in segment {@code segment}; may raise a guest fault. */
    public void write(int segment, int offset, int size, int value) {
      Interpreter.this.write(segment, offset, size, value);
    }

    /** Raises #GP(0) when {@code target} lies beyond the CS limit. */
    public void checkCodeLimit(int target) {
      Interpreter.this.checkCodeLimit(target);
    }

    /** Sets EIP (where the block continues). */
    public void jump(int target) {
      eip = target;
    }

    /** Returns whether the last stores hit a page with decoded code, and forgets it. */
    public boolean storeHitCode() {
      boolean hit = smcHit;
      smcHit = false;
      return hit;
    }

    /**
     * Called by compiled code whose block jumps back to its own start after {@code completed} micro-ops:
     * retires them and returns true when the run loop would now run this block's compiled code again
     * (the budget covers its {@code covered} micro-ops, nothing needs the run loop, the page is unchanged),
     * so the code may loop without returning; otherwise changes nothing and returns false.
     */
    public boolean loopAgain(int completed, int covered) {
      DecodedBlock b = java.util.Objects.requireNonNull(runningBlock);
      remaining -= completed;
      if (remaining >= covered && mayChain() && current(b, b.start)) {
        retired += completed;
        return true;
      }
      remaining += completed;
      return false;
    }

    /** Names the micro-op (index in the block) that is raising an exception. */
    public void faultAt(int index) {
      compiledFaultIndex = index;
    }
  }

  /** EIP of the micro-op at {@code o[i]} of a block that started at {@code blockEip}. */
  private int instructionStart(int blockEip, int[] o, int i) {
    int at = blockEip + o[i + DecodedBlock.OFFSET];
    return code32 ? at : at & 0xffff;
  }

  /**
   * EIP after the micro-op at {@code o[i]}. Fast micro-ops leave EIP alone; it is computed from the block
   * layout only where something reads it (jumps, calls, the block's end, a fault's rollback).
   */
  private int instructionEnd(int blockEip, int[] o, int i) {
    int end = blockEip + o[i + DecodedBlock.OFFSET] + o[i + DecodedBlock.LEN];
    return code32 ? end : end & 0xffff;
  }

  private int effectiveAddress(int[] o, int i) {
    int off = o[i + DecodedBlock.DISP];
    int b = o[i + DecodedBlock.BASE];
    if (b >= 0) {
      off += r[b];
    }
    int x = o[i + DecodedBlock.INDEX];
    if (x >= 0) {
      off += r[x] << o[i + DecodedBlock.SCALE];
    }
    return off & o[i + DecodedBlock.AMASK];
  }

  private void jumpTo(int target, int size) {
    if (size == 2) {
      target &= 0xffff;
    }
    checkCodeLimit(target);
    eip = target;
  }



  private boolean atBreakpoint() {
    int linear = base[CS] + eip;
    if (linear == skipBreakpoint) {
      skipBreakpoint = -1;
      return false;
    }
    for (int b : breakpoints) {
      if (b == linear) {
        skipBreakpoint = linear;
        return true;
      }
    }
    return false;
  }

  /** Delivers a vector; a fault on the way becomes a double fault or, from a double fault, a shutdown. */
  private void deliver(int vector, int errorCode, int kind) {
    try {
      interrupt(vector, errorCode, kind);
    } catch (GuestFault second) {
      eip = start;
      r[ESP] = startEsp;
      if (vector == Vectors.DF) {
        shutdown("triple fault: " + second.getMessage() + " while delivering #DF");
        return;
      }
      int next = Vectors.isDoubleFault(vector, second.vector) ? Vectors.DF : second.vector;
      int code = next == Vectors.DF ? 0 : second.errorCode;
      try {
        interrupt(next, code, EXCEPTION);
      } catch (GuestFault third) {
        if (next == Vectors.DF || Vectors.isDoubleFault(next, third.vector)) {
          try {
            if (next == Vectors.DF) {
              throw third;
            }
            interrupt(Vectors.DF, 0, EXCEPTION);
          } catch (GuestFault fourth) {
            shutdown("triple fault: " + fourth.getMessage() + " while delivering #DF after "
                + Vectors.name(vector) + " and " + second.getMessage());
          }
        } else {
          shutdown("unrecoverable fault chain: " + Vectors.name(vector) + ", " + second.getMessage() + ", "
              + third.getMessage());
        }
      }
    }
  }

  private void shutdown(String cause) {
    shutdown = true;
    halted = true;
    shutdownCause = cause + " at " + hex(sel[CS]) + ":" + hex(start) + (protectedMode ? " (protected mode)" : "");
  }

  private static String hex(int v) {
    return Integer.toHexString(v);
  }

  // ------------------------------------------------------------------------------------ memory access

  private GuestFault segmentFault(int s) {
    return new GuestFault(s == SS ? Vectors.SS : GP, 0);
  }

  /** Checks an access of {@code size} bytes at {@code off} in segment {@code s}; returns the linear address. */
  private int linear(int s, int off, int size, int kind) {
    if ((((kind == READ ? flatRead : flatWrite) >>> s) & 1) != 0 && Integer.compareUnsigned(off, -size) <= 0) {
      return base[s] + off;
    }
    if ((segAccess[s] & kind) == 0) {
      throw segmentFault(s);
    }
    int last = off + size - 1;
    int lo = segLo[s];
    if (Integer.compareUnsigned(last, segHi[s]) > 0 || Integer.compareUnsigned(last, off) < 0
        || (lo != 0 && Integer.compareUnsigned(off, lo) < 0)) {
      throw segmentFault(s);
    }
    return base[s] + off;
  }

  private long physical(int la, boolean write, boolean user) {
    long p = pagingOn ? paging.translate(la, write, user) : la & 0xffff_ffffL;
    return p & a20Mask;
  }

  private boolean userAccess() {
    return cpl == 3;
  }

  private int readLinear(int la, int size, boolean user) {
    if (size == 1) {
      return memory.read8(physical(la, false, user));
    }
    if ((la & 0xfff) <= 0x1000 - size) {
      long p = physical(la, false, user);
      return size == 2 ? memory.read16(p) : memory.read32(p);
    }
    int v = 0;
    for (int i = 0; i < size; i++) {
      v |= memory.read8(physical(la + i, false, user)) << (8 * i);
    }
    return v;
  }

  private void writeLinear(int la, int size, int value, boolean user) {
    if (size == 1) {
      long p = physical(la, true, user);
      if (codePages.written(p)) {
        smcHit = true;
      }
      memory.write8(p, value);
      return;
    }
    if ((la & 0xfff) <= 0x1000 - size) {
      long p = physical(la, true, user);
      if (codePages.written(p)) {
        smcHit = true;
      }
      if (size == 2) {
        memory.write16(p, value);
      } else {
        memory.write32(p, value);
      }
      return;
    }
    long first = physical(la, true, user);
    long second = physical(la + size - 1, true, user);
    boolean firstHadCode = codePages.written(first);
    boolean secondHadCode = codePages.written(second);
    if (firstHadCode || secondHadCode) {
      smcHit = true;
    }
    int split = 0x1000 - (la & 0xfff);
    for (int i = 0; i < size; i++) {
      memory.write8(i < split ? first + i : second - (size - 1 - i), value >>> (8 * i));
    }
  }

  private int read(int s, int off, int size) {
    int la = linear(s, off, size, READ);
    int o = la & 0xfff;
    if (o <= 0x1000 - size) {
      int slot = (la >>> 12) & (HOST_TLB - 1);
      if (readTag[slot] == ((la & ~0xfff) | cpl)) {
        MemorySegment page = readPage[slot];
        return size == 4 ? page.get(LE32, o) : size == 2 ? page.get(LE16, o) & 0xffff : page.get(JAVA_BYTE, o) & 0xff;
      }
      return fillRead(la, size, slot);
    }
    return readLinear(la, size, userAccess());
  }

  private void write(int s, int off, int size, int value) {
    int la = linear(s, off, size, WRITE);
    int o = la & 0xfff;
    if (o <= 0x1000 - size) {
      int slot = (la >>> 12) & (HOST_TLB - 1);
      if (writeTag[slot] == ((la & ~0xfff) | cpl)) {
        MemorySegment page = writePage[slot];
        if (size == 4) {
          page.set(LE32, o, value);
        } else if (size == 2) {
          page.set(LE16, o, (short) value);
        } else {
          page.set(JAVA_BYTE, o, (byte) value);
        }
        return;
      }
      fillWrite(la, slot);
    }
    writeLinear(la, size, value, userAccess());
  }

  /** Reads through the slow path and, for plain RAM, remembers the host page for the next reads. */
  private int fillRead(int la, int size, int slot) {
    long p = physical(la, false, userAccess());
    MemorySegment page = memory.ramPage(p);
    if (page != null) {
      readTag[slot] = (la & ~0xfff) | cpl;
      readPage[slot] = page;
    }
    return readLinear(la, size, userAccess());
  }

  /** Translates for writing (setting dirty bits) and caches host pages that hold no decoded code. */
  private void fillWrite(int la, int slot) {
    long p = physical(la, true, userAccess());
    MemorySegment page = memory.ramPage(p);
    if (page != null && !codePages.hasCode(p)) {
      writeTag[slot] = (la & ~0xfff) | cpl;
      writePage[slot] = page;
    }
  }

  /** Forgets every cached host page (paging, privilege, A20 or code-page changes). */
  private void flushHostTlb() {
    Arrays.fill(readTag, 1);
    Arrays.fill(writeTag, 1);
  }

  /** Reads from a system structure (GDT, LDT, IDT, TSS) with supervisor rights. */
  private int readSystem(int la, int size) {
    return readLinear(la, size, false);
  }

  private void writeSystem(int la, int size, int value) {
    writeLinear(la, size, value, false);
  }

  // ------------------------------------------------------------------------------------------- fetch

  private int fetch8() {
    int off = eip;
    if (Integer.compareUnsigned(off, limit[CS]) > 0) {
      throw new GuestFault(GP, 0);
    }
    int la = base[CS] + off;
    if ((la & ~0xfff) != fetchTag) {
      refillFetch(la);
    }
    // 16-bit code wraps IP at 64 KiB, as the 286 and real mode do.
    eip = code32 ? off + 1 : (off + 1) & 0xffff;
    MemorySegment page = fetchPage;
    return page != null ? page.get(JAVA_BYTE, la & 0xfff) & 0xff : memory.read8(fetchPhys | (la & 0xfff));
  }

  private void refillFetch(int la) {
    long p = physical(la, false, userAccess());
    fetchPage = memory.ramPage(p);
    fetchPhys = p & ~0xfffL;
    fetchTag = la & ~0xfff;
  }

  private int fetch16() {
    int lo = fetch8();
    return lo | fetch8() << 8;
  }

  private int fetch32() {
    int lo = fetch16();
    return lo | fetch16() << 16;
  }

  private int fetchImm(int size) {
    return size == 1 ? fetch8() : size == 2 ? fetch16() : fetch32();
  }

  // ------------------------------------------------------------------------------------------ registers

  private int reg(int size, int i) {
    if (size == 4) {
      return r[i];
    }
    return switch (size) {
      case 1 -> i < 4 ? r[i] & 0xff : (r[i - 4] >>> 8) & 0xff;
      case 2 -> r[i] & 0xffff;
      default -> r[i];
    };
  }

  private void setReg(int size, int i, int v) {
    if (size == 4) {
      r[i] = v;
      return;
    }
    switch (size) {
      case 1 -> {
        if (i < 4) {
          r[i] = (r[i] & ~0xff) | (v & 0xff);
        } else {
          r[i - 4] = (r[i - 4] & ~0xff00) | ((v & 0xff) << 8);
        }
      }
      case 2 -> r[i] = (r[i] & 0xffff_0000) | (v & 0xffff);
      default -> r[i] = v;
    }
  }

  private static int signExtend(int v, int size) {
    return size == 1 ? (byte) v : size == 2 ? (short) v : v;
  }

  // ---------------------------------------------------------------------------------------- ModR/M

  private void decodeModrm() {
    modrm = fetch8();
    eaUsesEsp = false;
    if (modrm >= 0xc0) {
      return;
    }
    int mod = modrm >>> 6;
    int rm = modrm & 7;
    int s = DS;
    int off;
    if (!a32) {
      off = switch (rm) {
        case 0 -> r[EBX] + r[ESI];
        case 1 -> r[EBX] + r[EDI];
        case 2 -> {
          s = SS;
          yield r[EBP] + r[ESI];
        }
        case 3 -> {
          s = SS;
          yield r[EBP] + r[EDI];
        }
        case 4 -> r[ESI];
        case 5 -> r[EDI];
        case 6 -> {
          if (mod == 0) {
            yield fetch16();
          }
          s = SS;
          yield r[EBP];
        }
        default -> r[EBX];
      };
      if (mod == 1) {
        off += (byte) fetch8();
      } else if (mod == 2) {
        off += fetch16();
      }
      off &= 0xffff;
    } else {
      if (rm == 4) {
        int sib = fetch8();
        int index = (sib >>> 3) & 7;
        int b = sib & 7;
        if (b == 5 && mod == 0) {
          off = fetch32();
        } else {
          off = r[b];
          if (b == ESP || b == EBP) {
            s = SS;
            eaUsesEsp = b == ESP;
          }
        }
        if (index != 4) {
          off += r[index] << (sib >>> 6);
        }
      } else if (rm == 5 && mod == 0) {
        off = fetch32();
      } else {
        off = r[rm];
        if (rm == EBP) {
          s = SS;
        }
      }
      if (mod == 1) {
        off += (byte) fetch8();
      } else if (mod == 2) {
        off += fetch32();
      }
    }
    eaSeg = segOverride >= 0 ? segOverride : s;
    eaOff = off;
  }

  private int readRm(int size) {
    return modrm >= 0xc0 ? reg(size, modrm & 7) : read(eaSeg, eaOff, size);
  }

  private void writeRm(int size, int v) {
    if (modrm >= 0xc0) {
      setReg(size, modrm & 7, v);
    } else {
      write(eaSeg, eaOff, size, v);
    }
  }

  private int regField() {
    return (modrm >>> 3) & 7;
  }

  private void requireMemory() {
    if (modrm >= 0xc0) {
      throw new GuestFault(UD, -1);
    }
  }

  // ----------------------------------------------------------------------------------------- stack

  private int sp() {
    return stack32 ? r[ESP] : r[ESP] & 0xffff;
  }

  private void setSp(int v) {
    r[ESP] = stack32 ? v : (r[ESP] & 0xffff_0000) | (v & 0xffff);
  }

  private void push(int v, int size) {
    int nsp = sp() - size;
    if (!stack32) {
      nsp &= 0xffff;
    }
    write(SS, nsp, size, v);
    setSp(nsp);
  }

  private int pop(int size) {
    int v = read(SS, sp(), size);
    setSp(sp() + size);
    return v;
  }

  /** Reads the stack {@code depth} bytes above the top without popping. */
  private int peek(int depth, int size) {
    int off = sp() + depth;
    return read(SS, stack32 ? off : off & 0xffff, size);
  }

  // ------------------------------------------------------------------------------------------- decode

  private void execute() {
    o32 = code32;
    a32 = code32;
    segOverride = -1;
    rep = 0;
    int op;
    int prefixes = 0;
    while (true) {
      op = fetch8();
      switch (op) {
        case 0x26 -> segOverride = ES;
        case 0x2e -> segOverride = CS;
        case 0x36 -> segOverride = SS;
        case 0x3e -> segOverride = DS;
        case 0x64 -> segOverride = FS;
        case 0x65 -> segOverride = GS;
        case 0x66 -> o32 = !code32;
        case 0x67 -> a32 = !code32;
        case 0xf0 -> { }
        case 0xf2 -> rep = 2;
        case 0xf3 -> rep = 1;
        default -> {
          dispatch(op);
          return;
        }
      }
      if (++prefixes == 15) {
        throw new GuestFault(GP, 0);
      }
    }
  }

  private void dispatch(int op) {
    int osz = o32 ? 4 : 2;
    if (op < 0x40 && (op & 7) < 6) {
      aluForm(op >>> 3, op & 7, osz);
      return;
    }
    switch (op) {
      case 0x06, 0x0e, 0x16, 0x1e -> push(sel[op >>> 3], osz);
      case 0x07, 0x17, 0x1f -> {
        int v = peek(0, osz) & 0xffff;
        loadSegment(op >>> 3, v);
        setSp(sp() + osz);
        if (op == 0x17) {
          inhibitInterrupts = true;
        }
      }
      case 0x0f -> dispatch0f(fetch8(), osz);
      case 0x27 -> daa();
      case 0x2f -> das();
      case 0x37 -> aaa();
      case 0x3f -> aas();
      case 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47 -> setReg(osz, op & 7, fl.inc(reg(osz, op & 7), osz * 8));
      case 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f -> setReg(osz, op & 7, fl.dec(reg(osz, op & 7), osz * 8));
      case 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57 -> push(reg(osz, op & 7), osz);
      case 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f -> {
        int v = pop(osz);
        setReg(osz, op & 7, v);
      }
      case 0x60 -> pusha(osz);
      case 0x61 -> popa(osz);
      case 0x62 -> bound(osz);
      case 0x63 -> arpl();
      case 0x68 -> push(fetchImm(osz), osz);
      case 0x69, 0x6b -> {
        decodeModrm();
        int src = readRm(osz);
        int imm = op == 0x69 ? signExtend(fetchImm(osz), osz) : (byte) fetch8();
        setReg(osz, regField(), imul2(signExtend(src, osz), imm, osz));
      }
      case 0x6a -> push((byte) fetch8(), osz);
      case 0x6c, 0x6d, 0x6e, 0x6f, 0xa4, 0xa5, 0xa6, 0xa7, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf -> string(op, osz);
      case 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f -> {
        int d = (byte) fetch8();
        if (fl.condition(op & 15)) {
          jumpNear(eip + d);
        }
      }
      case 0x80, 0x82 -> {
        decodeModrm();
        aluRm(regField(), 1, fetch8());
      }
      case 0x81 -> {
        decodeModrm();
        aluRm(regField(), osz, fetchImm(osz));
      }
      case 0x83 -> {
        decodeModrm();
        aluRm(regField(), osz, (byte) fetch8() & mask(osz * 8));
      }
      case 0x84, 0x85 -> {
        int size = op == 0x84 ? 1 : osz;
        decodeModrm();
        fl.logic(readRm(size) & reg(size, regField()), size * 8);
      }
      case 0x86, 0x87 -> {
        int size = op == 0x86 ? 1 : osz;
        decodeModrm();
        int a = readRm(size);
        writeRm(size, reg(size, regField()));
        setReg(size, regField(), a);
      }
      case 0x88, 0x89 -> {
        int size = op == 0x88 ? 1 : osz;
        decodeModrm();
        writeRm(size, reg(size, regField()));
      }
      case 0x8a, 0x8b -> {
        int size = op == 0x8a ? 1 : osz;
        decodeModrm();
        setReg(size, regField(), readRm(size));
      }
      case 0x8c -> {
        decodeModrm();
        if (regField() > 5) {
          throw new GuestFault(UD, -1);
        }
        writeRm(modrm >= 0xc0 ? osz : 2, sel[regField()]);
      }
      case 0x8d -> {
        decodeModrm();
        requireMemory();
        setReg(osz, regField(), eaOff);
      }
      case 0x8e -> {
        decodeModrm();
        int s = regField();
        if (s == CS || s > 5) {
          throw new GuestFault(UD, -1);
        }
        loadSegment(s, readRm(2));
        if (s == SS) {
          inhibitInterrupts = true;
        }
      }
      case 0x8f -> {
        decodeModrm();
        if (regField() != 0) {
          throw new GuestFault(UD, -1);
        }
        int v = peek(0, osz);
        int oldEsp = r[ESP];
        setSp(sp() + osz);
        if (eaUsesEsp) {
          // The address uses the incremented ESP when ESP is the base register.
          eaOff += osz;
        }
        try {
          writeRm(osz, v);
        } catch (GuestFault f) {
          r[ESP] = oldEsp;
          throw f;
        }
      }
      case 0x90 -> { }
      case 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97 -> {
        int a = reg(osz, EAX);
        setReg(osz, EAX, reg(osz, op & 7));
        setReg(osz, op & 7, a);
      }
      case 0x98 -> setReg(osz, EAX, o32 ? (short) r[EAX] : (byte) r[EAX]);
      case 0x99 -> setReg(osz, EDX, o32 ? r[EAX] >> 31 : ((short) r[EAX]) >> 15);
      case 0x9a -> {
        int off = fetchImm(osz);
        int cs = fetch16();
        farCall(cs, off, osz);
      }
      case 0x9b -> {
        if ((cr0 & 0xa) == 0xa) {
          throw new GuestFault(NM, -1);
        }
      }
      case 0x9c -> pushf(osz);
      case 0x9d -> popf(osz);
      case 0x9e -> fl.setArithmetic((fl.get() & ~0xd5) | ((r[EAX] >>> 8) & 0xd5));
      case 0x9f -> setReg(1, 4, (fl.get() & 0xd7) | 2);
      case 0xa0, 0xa1 -> {
        int size = op == 0xa0 ? 1 : osz;
        int off = a32 ? fetch32() : fetch16();
        setReg(size, EAX, read(segOverride >= 0 ? segOverride : DS, off, size));
      }
      case 0xa2, 0xa3 -> {
        int size = op == 0xa2 ? 1 : osz;
        int off = a32 ? fetch32() : fetch16();
        write(segOverride >= 0 ? segOverride : DS, off, size, reg(size, EAX));
      }
      case 0xa8 -> fl.logic(r[EAX] & fetch8() & 0xff, 8);
      case 0xa9 -> fl.logic(reg(osz, EAX) & fetchImm(osz), osz * 8);
      case 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7 -> setReg(1, op & 7, fetch8());
      case 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf -> setReg(osz, op & 7, fetchImm(osz));
      case 0xc0, 0xc1 -> {
        int size = op == 0xc0 ? 1 : osz;
        decodeModrm();
        int count = fetch8();
        writeShift(size, count);
      }
      case 0xc2, 0xc3 -> {
        int n = op == 0xc2 ? fetch16() : 0;
        int target = peek(0, osz);
        if (osz == 2) {
          target &= 0xffff;
        }
        checkCodeLimit(target);
        setSp(sp() + osz + n);
        eip = target;
      }
      case 0xc4, 0xc5 -> loadFarPointer(op == 0xc4 ? ES : DS, osz);
      case 0xc6, 0xc7 -> {
        int size = op == 0xc6 ? 1 : osz;
        decodeModrm();
        if (regField() != 0) {
          throw new GuestFault(UD, -1);
        }
        writeRm(size, fetchImm(size));
      }
      case 0xc8 -> enter(osz);
      case 0xc9 -> {
        int bp = stack32 ? r[EBP] : r[EBP] & 0xffff;
        int v = read(SS, bp, osz);
        setSp(bp + osz);
        setReg(osz, EBP, v);
      }
      case 0xca, 0xcb -> farReturn(osz, op == 0xca ? fetch16() : 0);
      case 0xcc -> softwareInterrupt(BP);
      case 0xcd -> softwareInterrupt(fetch8());
      case 0xce -> {
        if (fl.of()) {
          softwareInterrupt(Vectors.OF);
        }
      }
      case 0xcf -> iret(osz);
      case 0xd0, 0xd1, 0xd2, 0xd3 -> {
        int size = (op & 1) == 0 ? 1 : osz;
        decodeModrm();
        writeShift(size, op < 0xd2 ? 1 : r[ECX] & 0xff);
      }
      case 0xd4 -> aam(fetch8());
      case 0xd5 -> aad(fetch8());
      case 0xd6 -> setReg(1, EAX, fl.cf() ? 0xff : 0);
      case 0xd7 -> {
        int off = (a32 ? r[EBX] : r[EBX] & 0xffff) + (r[EAX] & 0xff);
        setReg(1, EAX, read(segOverride >= 0 ? segOverride : DS, a32 ? off : off & 0xffff, 1));
      }
      case 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf -> {
        if ((cr0 & 0xc) != 0) {
          throw new GuestFault(NM, -1);
        }
        decodeModrm();
      }
      case 0xe0, 0xe1, 0xe2, 0xe3 -> loop(op);
      case 0xe4, 0xe5 -> {
        int port = fetch8();
        int size = op == 0xe4 ? 1 : osz;
        checkIo(port, size);
        setReg(size, EAX, ports.in(port, size));
      }
      case 0xe6, 0xe7 -> {
        int port = fetch8();
        int size = op == 0xe6 ? 1 : osz;
        checkIo(port, size);
        ports.out(port, size, reg(size, EAX));
      }
      case 0xe8 -> {
        int d = fetchImm(osz);
        int target = eip + d;
        if (osz == 2) {
          target &= 0xffff;
        }
        checkCodeLimit(target);
        push(eip, osz);
        eip = target;
      }
      case 0xe9 -> {
        int d = signExtend(fetchImm(osz), osz);
        jumpNear(eip + d);
      }
      case 0xea -> {
        int off = fetchImm(osz);
        int cs = fetch16();
        farJump(cs, off, osz);
      }
      case 0xeb -> {
        int d = (byte) fetch8();
        jumpNear(eip + d);
      }
      case 0xec, 0xed -> {
        int size = op == 0xec ? 1 : osz;
        int port = r[EDX] & 0xffff;
        checkIo(port, size);
        setReg(size, EAX, ports.in(port, size));
      }
      case 0xee, 0xef -> {
        int size = op == 0xee ? 1 : osz;
        int port = r[EDX] & 0xffff;
        checkIo(port, size);
        ports.out(port, size, reg(size, EAX));
      }
      case 0xf1 -> softwareInterrupt(Vectors.DB);
      case 0xf4 -> {
        if (cpl != 0) {
          throw new GuestFault(GP, 0);
        }
        halted = true;
      }
      case 0xf5 -> fl.setArithmetic(fl.get() ^ CF);
      case 0xf6, 0xf7 -> group3(op == 0xf6 ? 1 : osz);
      case 0xf8 -> fl.setArithmetic(fl.get() & ~CF);
      case 0xf9 -> fl.setArithmetic(fl.get() | CF);
      case 0xfa -> {
        requireIopl();
        fl.bits &= ~IF;
      }
      case 0xfb -> {
        requireIopl();
        if ((fl.bits & IF) == 0) {
          inhibitInterrupts = true;
        }
        fl.bits |= IF;
      }
      case 0xfc -> fl.bits &= ~DF;
      case 0xfd -> fl.bits |= DF;
      case 0xfe -> {
        decodeModrm();
        switch (regField()) {
          case 0 -> writeRm(1, fl.inc(readRm(1), 8));
          case 1 -> writeRm(1, fl.dec(readRm(1), 8));
          default -> throw new GuestFault(UD, -1);
        }
      }
      case 0xff -> group5(osz);
      default -> throw new GuestFault(UD, -1);
    }
  }

  private void aluForm(int aluOp, int form, int osz) {
    switch (form) {
      case 0, 1 -> {
        int size = form == 0 ? 1 : osz;
        decodeModrm();
        int a = readRm(size);
        int res = fl.alu(aluOp, a, reg(size, regField()), size);
        if (aluOp != 7) {
          writeRm(size, res);
        }
      }
      case 2, 3 -> {
        int size = form == 2 ? 1 : osz;
        decodeModrm();
        int b = readRm(size);
        int res = fl.alu(aluOp, reg(size, regField()), b, size);
        if (aluOp != 7) {
          setReg(size, regField(), res);
        }
      }
      case 4 -> {
        int res = fl.alu(aluOp, r[EAX] & 0xff, fetch8(), 1);
        if (aluOp != 7) {
          setReg(1, EAX, res);
        }
      }
      default -> {
        int res = fl.alu(aluOp, reg(osz, EAX), fetchImm(osz), osz);
        if (aluOp != 7) {
          setReg(osz, EAX, res);
        }
      }
    }
  }

  private void aluRm(int aluOp, int size, int imm) {
    int a = readRm(size);
    int res = fl.alu(aluOp, a, imm & mask(size * 8), size);
    if (aluOp != 7) {
      writeRm(size, res);
    }
  }

  private void jumpNear(int target) {
    if (!o32) {
      target &= 0xffff;
    }
    checkCodeLimit(target);
    eip = target;
  }

  private void checkCodeLimit(int target) {
    if (Integer.compareUnsigned(target, limit[CS]) > 0) {
      throw new GuestFault(GP, 0);
    }
  }

  private void loop(int op) {
    int d = (byte) fetch8();
    int count;
    boolean take;
    if (op == 0xe3) {
      take = (a32 ? r[ECX] : r[ECX] & 0xffff) == 0;
    } else {
      count = (a32 ? r[ECX] : r[ECX] & 0xffff) - 1;
      take = (a32 ? count : count & 0xffff) != 0;
      if (op == 0xe0) {
        take &= !fl.zf();
      } else if (op == 0xe1) {
        take &= fl.zf();
      }
      int target = eip + d;
      if (take) {
        jumpNear(target);
      }
      if (a32) {
        r[ECX] = count;
      } else {
        setReg(2, ECX, count);
      }
      return;
    }
    if (take) {
      jumpNear(eip + d);
    }
  }

  // ------------------------------------------------------------------------------------- groups

  private void group3(int size) {
    decodeModrm();
    int w = size * 8;
    switch (regField()) {
      case 0, 1 -> fl.logic(readRm(size) & fetchImm(size), w);
      case 2 -> writeRm(size, ~readRm(size));
      case 3 -> writeRm(size, fl.sub(0, readRm(size), 0, w));
      case 4 -> mul(readRm(size), size);
      case 5 -> imul1(readRm(size), size);
      case 6 -> divide(readRm(size), size);
      default -> idivide(readRm(size), size);
    }
  }

  private void group5(int osz) {
    decodeModrm();
    switch (regField()) {
      case 0 -> writeRm(osz, fl.inc(readRm(osz), osz * 8));
      case 1 -> writeRm(osz, fl.dec(readRm(osz), osz * 8));
      case 2 -> {
        int target = readRm(osz);
        if (osz == 2) {
          target &= 0xffff;
        }
        checkCodeLimit(target);
        push(eip, osz);
        eip = target;
      }
      case 3, 5 -> {
        requireMemory();
        int off = read(eaSeg, eaOff, osz);
        int cs = read(eaSeg, eaOff + osz, 2);
        if (regField() == 3) {
          farCall(cs, off, osz);
        } else {
          farJump(cs, off, osz);
        }
      }
      case 4 -> {
        int target = readRm(osz);
        if (osz == 2) {
          target &= 0xffff;
        }
        checkCodeLimit(target);
        eip = target;
      }
      case 6 -> push(readRm(osz), osz);
      default -> throw new GuestFault(UD, -1);
    }
  }

  private void mul(int src, int size) {
    long a = reg(size, EAX) & 0xffff_ffffL;
    long p = a * (src & 0xffff_ffffL);
    boolean high;
    int low;
    switch (size) {
      case 1 -> {
        setReg(2, EAX, (int) p);
        high = (p & 0xff00) != 0;
        low = (int) p & 0xff;
      }
      case 2 -> {
        setReg(2, EAX, (int) p);
        setReg(2, EDX, (int) (p >>> 16));
        high = (p & 0xffff_0000L) != 0;
        low = (int) p & 0xffff;
      }
      default -> {
        r[EAX] = (int) p;
        r[EDX] = (int) (p >>> 32);
        high = (p >>> 32) != 0;
        low = (int) p;
      }
    }
    fl.setArithmetic(szp(low, size * 8) | (high ? CF | OF : 0));
  }

  private void imul1(int src, int size) {
    long p = (long) signExtend(reg(size, EAX), size) * signExtend(src, size);
    int low;
    switch (size) {
      case 1 -> {
        setReg(2, EAX, (int) p);
        low = (int) p & 0xff;
      }
      case 2 -> {
        setReg(2, EAX, (int) p);
        setReg(2, EDX, (int) (p >>> 16));
        low = (int) p & 0xffff;
      }
      default -> {
        r[EAX] = (int) p;
        r[EDX] = (int) (p >>> 32);
        low = (int) p;
      }
    }
    boolean overflow = p != signExtend((int) p, size);
    fl.setArithmetic(szp(low, size * 8) | (overflow ? CF | OF : 0));
  }

  /** Two- and three-operand IMUL: returns the truncated product and sets CF/OF on overflow. */
  private int imul2(int a, int b, int size) {
    long p = (long) a * b;
    boolean overflow = p != signExtend((int) p, size);
    fl.setArithmetic(szp((int) p, size * 8) | (overflow ? CF | OF : 0));
    return (int) p;
  }

  private void divide(int src, int size) {
    long divisor = src & mask(size * 8) & 0xffff_ffffL;
    if (divisor == 0) {
      throw new GuestFault(DE, -1);
    }
    switch (size) {
      case 1 -> {
        long n = r[EAX] & 0xffff;
        long q = n / divisor;
        if (q > 0xff) {
          throw new GuestFault(DE, -1);
        }
        setReg(2, EAX, (int) ((n % divisor) << 8 | q));
      }
      case 2 -> {
        long n = (r[EDX] & 0xffffL) << 16 | (r[EAX] & 0xffff);
        long q = n / divisor;
        if (q > 0xffff) {
          throw new GuestFault(DE, -1);
        }
        setReg(2, EAX, (int) q);
        setReg(2, EDX, (int) (n % divisor));
      }
      default -> {
        long n = (long) r[EDX] << 32 | (r[EAX] & 0xffff_ffffL);
        long q = Long.divideUnsigned(n, divisor);
        if ((q >>> 32) != 0) {
          throw new GuestFault(DE, -1);
        }
        r[EAX] = (int) q;
        r[EDX] = (int) Long.remainderUnsigned(n, divisor);
      }
    }
  }

  private void idivide(int src, int size) {
    long divisor = signExtend(src, size);
    if (divisor == 0) {
      throw new GuestFault(DE, -1);
    }
    switch (size) {
      case 1 -> {
        long n = (short) r[EAX];
        long q = n / divisor;
        if (q != (byte) q) {
          throw new GuestFault(DE, -1);
        }
        setReg(2, EAX, (int) ((n % divisor) & 0xff) << 8 | (int) (q & 0xff));
      }
      case 2 -> {
        int dividend = (r[EDX] & 0xffff) << 16 | (r[EAX] & 0xffff);
        long n = dividend;
        long q = n / divisor;
        if (q != (short) q) {
          throw new GuestFault(DE, -1);
        }
        setReg(2, EAX, (int) q);
        setReg(2, EDX, (int) (n % divisor));
      }
      default -> {
        long n = (long) r[EDX] << 32 | (r[EAX] & 0xffff_ffffL);
        if (n == Long.MIN_VALUE && divisor == -1) {
          throw new GuestFault(DE, -1);
        }
        long q = n / divisor;
        if (q != (int) q) {
          throw new GuestFault(DE, -1);
        }
        r[EAX] = (int) q;
        r[EDX] = (int) (n % divisor);
      }
    }
  }

  // ---------------------------------------------------------------------------------- shifts

  private void writeShift(int size, int count) {
    int v = readRm(size);
    int res = shift(regField(), v, count & 0x1f, size * 8);
    writeRm(size, res);
  }

  /** ROL ROR RCL RCR SHL SHR SAL SAR of {@code v} ({@code w} bits) by a count already masked to 5 bits. */
  private int shift(int kind, int v, int count, int w) {
    if (count == 0) {
      return v;
    }
    int m = mask(w);
    v &= m;
    int msb = w - 1;
    int flags = fl.get();
    int res;
    int cf;
    int of;
    switch (kind) {
      case 0 -> {
        int c = count & msb;
        res = ((v << c) | (v >>> (w - c))) & m;
        cf = res & 1;
        of = ((res >>> msb) & 1) ^ cf;
        fl.setArithmetic((flags & ~(CF | OF)) | cf | (of << 11));
        return res;
      }
      case 1 -> {
        int c = count & msb;
        res = ((v >>> c) | (v << (w - c))) & m;
        cf = (res >>> msb) & 1;
        of = cf ^ ((res >>> (msb - 1)) & 1);
        fl.setArithmetic((flags & ~(CF | OF)) | cf | (of << 11));
        return res;
      }
      case 2 -> {
        int c = count % (w + 1);
        long x = ((long) (flags & CF) << w) | (v & 0xffff_ffffL);
        long rot = c == 0 ? x : ((x << c) | (x >>> (w + 1 - c))) & ((1L << (w + 1)) - 1);
        res = (int) rot & m;
        cf = (int) (rot >>> w) & 1;
        of = ((res >>> msb) & 1) ^ cf;
        fl.setArithmetic((flags & ~(CF | OF)) | cf | (of << 11));
        return res;
      }
      case 3 -> {
        int c = count % (w + 1);
        long x = ((long) (flags & CF) << w) | (v & 0xffff_ffffL);
        long rot = c == 0 ? x : ((x >>> c) | (x << (w + 1 - c))) & ((1L << (w + 1)) - 1);
        res = (int) rot & m;
        cf = (int) (rot >>> w) & 1;
        of = ((res >>> msb) & 1) ^ ((res >>> (msb - 1)) & 1);
        fl.setArithmetic((flags & ~(CF | OF)) | cf | (of << 11));
        return res;
      }
      case 4, 6 -> {
        long x = (long) v << count;
        res = (int) x & m;
        cf = (int) (x >>> w) & 1;
        of = ((res >>> msb) & 1) ^ cf;
      }
      case 5 -> {
        res = count >= 32 ? 0 : v >>> count;
        cf = (int) (((long) v >>> (count - 1)) & 1);
        of = (v >>> msb) & 1;
      }
      default -> {
        int sv = signExtend(v, w / 8);
        res = (sv >> Math.min(count, 31)) & m;
        cf = (sv >> Math.min(count - 1, 31)) & 1;
        of = 0;
      }
    }
    fl.setArithmetic(szp(res, w) | cf | (of << 11));
    return res;
  }

  private int shiftDouble(boolean left, int dst, int src, int count, int w) {
    count &= 0x1f;
    if (count == 0) {
      return dst;
    }
    int m = mask(w);
    int res;
    int cf;
    if (w == 16) {
      // Counts above 16 are undefined; like common hardware, shift through the pattern dst:src:dst.
      long x = ((long) (dst & 0xffff) << 32) | ((long) (src & 0xffff) << 16) | (dst & 0xffff);
      if (left) {
        long y = x << count;
        res = (int) (y >>> 32) & 0xffff;
        cf = (int) (y >>> 48) & 1;
      } else {
        res = (int) (x >>> count) & 0xffff;
        cf = (int) (x >>> (count - 1)) & 1;
      }
    } else {
      if (left) {
        long x = ((long) dst << 32) | (src & 0xffff_ffffL);
        res = (int) ((x << count) >>> 32);
        cf = (dst >>> (32 - count)) & 1;
      } else {
        long x = ((long) src << 32) | (dst & 0xffff_ffffL);
        res = (int) (x >>> count);
        cf = (dst >>> (count - 1)) & 1;
      }
    }
    int of = ((res ^ dst) >>> (w - 1)) & 1;
    fl.setArithmetic(szp(res, w) | cf | (of << 11));
    return res & m;
  }

  // ------------------------------------------------------------------------------------------- BCD

  private void daa() {
    int al = r[EAX] & 0xff;
    boolean cf = fl.cf();
    boolean af = fl.af();
    int res = al;
    boolean newCf = false;
    boolean newAf = false;
    if ((al & 0xf) > 9 || af) {
      res += 6;
      newCf = cf || res > 0xff;
      newAf = true;
    }
    if (al > 0x99 || cf) {
      res += 0x60;
      newCf = true;
    }
    res &= 0xff;
    setReg(1, EAX, res);
    fl.setArithmetic(szp(res, 8) | (newCf ? CF : 0) | (newAf ? AF : 0) | (((al ^ res) & ~al & 0x80) != 0 ? OF : 0));
  }

  private void das() {
    int al = r[EAX] & 0xff;
    boolean cf = fl.cf();
    boolean af = fl.af();
    int res = al;
    boolean newCf = false;
    boolean newAf = false;
    if ((al & 0xf) > 9 || af) {
      res -= 6;
      newCf = cf || al < 6;
      newAf = true;
    }
    if (al > 0x99 || cf) {
      res -= 0x60;
      newCf = true;
    }
    res &= 0xff;
    setReg(1, EAX, res);
    fl.setArithmetic(szp(res, 8) | (newCf ? CF : 0) | (newAf ? AF : 0) | (((al ^ res) & al & 0x80) != 0 ? OF : 0));
  }

  private void aaa() {
    int ax = r[EAX] & 0xffff;
    boolean adjust = (ax & 0xf) > 9 || fl.af();
    if (adjust) {
      ax += 0x106;
    }
    setReg(2, EAX, ax & 0xff0f);
    fl.setArithmetic(szp(ax & 0xff, 8) | (adjust ? CF | AF : 0));
  }

  private void aas() {
    int ax = r[EAX] & 0xffff;
    boolean adjust = (ax & 0xf) > 9 || fl.af();
    if (adjust) {
      ax = (ax - 6 - 0x100) & 0xffff;
    }
    setReg(2, EAX, ax & 0xff0f);
    fl.setArithmetic(szp(ax & 0xff, 8) | (adjust ? CF | AF : 0));
  }

  private void aam(int base10) {
    if (base10 == 0) {
      throw new GuestFault(DE, -1);
    }
    int al = r[EAX] & 0xff;
    int res = al % base10;
    setReg(2, EAX, (al / base10) << 8 | res);
    fl.setArithmetic(szp(res, 8));
  }

  private void aad(int base10) {
    int al = r[EAX] & 0xff;
    int ah = (r[EAX] >>> 8) & 0xff;
    int res = fl.add(al, (ah * base10) & 0xff, 0, 8);
    setReg(2, EAX, res);
  }

  // ----------------------------------------------------------------------------------- misc ops

  private void pushf(int osz) {
    if ((fl.bits & VM) != 0 && ((fl.bits & IOPL) >>> 12) < 3) {
      throw new GuestFault(GP, 0);
    }
    push(fl.get() & ~(VM | RF), osz);
  }

  private void popf(int osz) {
    int v = peek(0, osz);
    setSp(sp() + osz);
    writeFlags(v, osz);
  }

  /** Writes EFLAGS from POPF/IRET at the current privilege: IOPL only at CPL 0, IF only at CPL <= IOPL. */
  private void writeFlags(int v, int osz) {
    int old = fl.get();
    int changeable = CF | 0x4 | AF | ZF | LazyFlags.SF | TF | DF | OF | NT | (osz == 4 ? AC | ID : 0);
    if (!protectedMode || cpl == 0) {
      changeable |= IOPL | IF;
    } else if (cpl <= ((old & IOPL) >>> 12)) {
      changeable |= IF;
    }
    fl.set((old & ~changeable) | (v & changeable));
  }

  private void requireIopl() {
    if (protectedMode && cpl > ((fl.bits & IOPL) >>> 12)) {
      throw new GuestFault(GP, 0);
    }
  }

  private void checkIo(int port, int size) {
    if (!protectedMode || cpl <= ((fl.bits & IOPL) >>> 12)) {
      return;
    }
    if (((trAttr & 0xf) != 0x9 && (trAttr & 0xf) != 0xb) || trLimit < 0x67) {
      throw new GuestFault(GP, 0);
    }
    int bitmap = readSystem(trBase + 0x66, 2);
    int byteOffset = bitmap + (port >>> 3);
    if (byteOffset + 1 > trLimit) {
      throw new GuestFault(GP, 0);
    }
    int bits = readSystem(trBase + byteOffset, 2);
    if (((bits >>> (port & 7)) & ((1 << size) - 1)) != 0) {
      throw new GuestFault(GP, 0);
    }
  }

  private void pusha(int osz) {
    int oldSp = r[ESP];
    int top = sp();
    for (int i = 0; i < 8; i++) {
      int v = i == ESP ? oldSp : r[i];
      int off = top - osz * (i + 1);
      write(SS, stack32 ? off : off & 0xffff, osz, v);
    }
    setSp(top - osz * 8);
  }

  private void popa(int osz) {
    // Read all eight slots before writing any register, so a fault leaves the registers untouched.
    int di = peek(0, osz);
    int si = peek(osz, osz);
    int bp = peek(2 * osz, osz);
    int bx = peek(4 * osz, osz);
    int dx = peek(5 * osz, osz);
    int cx = peek(6 * osz, osz);
    int ax = peek(7 * osz, osz);
    setReg(osz, EDI, di);
    setReg(osz, ESI, si);
    setReg(osz, EBP, bp);
    setReg(osz, EBX, bx);
    setReg(osz, EDX, dx);
    setReg(osz, ECX, cx);
    setReg(osz, EAX, ax);
    setSp(sp() + osz * 8);
  }

  private void bound(int osz) {
    decodeModrm();
    requireMemory();
    int index = signExtend(reg(osz, regField()), osz);
    int lower = signExtend(read(eaSeg, eaOff, osz), osz);
    int upper = signExtend(read(eaSeg, a32 ? eaOff + osz : (eaOff + osz) & 0xffff, osz), osz);
    if (index < lower || index > upper) {
      throw new GuestFault(BR, -1);
    }
  }

  private void arpl() {
    if (!protectedMode) {
      throw new GuestFault(UD, -1);
    }
    decodeModrm();
    int dst = readRm(2);
    int src = reg(2, regField());
    int flags = fl.get();
    if ((dst & 3) < (src & 3)) {
      writeRm(2, (dst & ~3) | (src & 3));
      fl.setArithmetic(flags | ZF);
    } else {
      fl.setArithmetic(flags & ~ZF);
    }
  }

  private void enter(int osz) {
    int size = fetch16();
    int level = fetch8() & 0x1f;
    int bp = stack32 ? r[EBP] : r[EBP] & 0xffff;
    int top = sp();
    int frame = top - osz;
    write(SS, stack32 ? frame : frame & 0xffff, osz, r[EBP]);
    int cursor = frame;
    for (int i = 1; i < level; i++) {
      bp -= osz;
      int v = read(SS, stack32 ? bp : bp & 0xffff, osz);
      cursor -= osz;
      write(SS, stack32 ? cursor : cursor & 0xffff, osz, v);
    }
    if (level > 0) {
      cursor -= osz;
      write(SS, stack32 ? cursor : cursor & 0xffff, osz, frame);
    }
    setReg(osz, EBP, frame);
    setSp(cursor - size);
  }

  private void loadFarPointer(int s, int osz) {
    decodeModrm();
    requireMemory();
    int off = read(eaSeg, eaOff, osz);
    int selector = read(eaSeg, a32 ? eaOff + osz : (eaOff + osz) & 0xffff, 2);
    loadSegment(s, selector);
    setReg(osz, regField(), off);
    if (s == SS) {
      inhibitInterrupts = true;
    }
  }

  // -------------------------------------------------------------------------------------- strings

  private void string(int op, int osz) {
    int size = (op & 1) == 0 ? 1 : osz;
    int src = segOverride >= 0 ? segOverride : DS;
    int step = (fl.bits & DF) != 0 ? -size : size;
    int amask = a32 ? -1 : 0xffff;
    if (op >= 0x6c && op <= 0x6f) {
      checkIo(r[EDX] & 0xffff, size);
    }
    int iterations = 0;
    while (true) {
      if (rep != 0 && (r[ECX] & amask) == 0) {
        return;
      }
      int si = r[ESI] & amask;
      int di = r[EDI] & amask;
      boolean compare = false;
      switch (op) {
        case 0x6c, 0x6d -> {
          int v = ports.in(r[EDX] & 0xffff, size);
          write(ES, di, size, v);
          advance(EDI, step, amask);
        }
        case 0x6e, 0x6f -> {
          ports.out(r[EDX] & 0xffff, size, read(src, si, size));
          advance(ESI, step, amask);
        }
        case 0xa4, 0xa5 -> {
          write(ES, di, size, read(src, si, size));
          advance(ESI, step, amask);
          advance(EDI, step, amask);
        }
        case 0xa6, 0xa7 -> {
          int a = read(src, si, size);
          int b = read(ES, di, size);
          fl.sub(a, b, 0, size * 8);
          advance(ESI, step, amask);
          advance(EDI, step, amask);
          compare = true;
        }
        case 0xaa, 0xab -> {
          write(ES, di, size, reg(size, EAX));
          advance(EDI, step, amask);
        }
        case 0xac, 0xad -> {
          setReg(size, EAX, read(src, si, size));
          advance(ESI, step, amask);
        }
        default -> {
          int b = read(ES, di, size);
          fl.sub(reg(size, EAX), b, 0, size * 8);
          advance(EDI, step, amask);
          compare = true;
        }
      }
      if (rep == 0) {
        return;
      }
      r[ECX] = (r[ECX] & ~amask) | ((r[ECX] - 1) & amask);
      if (compare && (rep == 1) != fl.zf()) {
        return;
      }
      if (++iterations == REP_SLICE && (r[ECX] & amask) != 0) {
        eip = start;
        return;
      }
    }
  }

  private void advance(int reg, int step, int amask) {
    r[reg] = (r[reg] & ~amask) | ((r[reg] + step) & amask);
  }

  // ---------------------------------------------------------------------------------- 0F opcodes

  private void dispatch0f(int op, int osz) {
    switch (op) {
      case 0x00 -> group6();
      case 0x01 -> group7(osz);
      case 0x02, 0x03 -> larLsl(op == 0x02, osz);
      case 0x06 -> {
        requireCpl0();
        cr0 &= ~8;
      }
      case 0x08, 0x09 -> requireCpl0();
      case 0x0b -> throw new GuestFault(UD, -1);
      case 0x20, 0x21, 0x22, 0x23 -> moveControl(op);
      case 0x30 -> {
        requireCpl0();
        writeMsr(r[ECX]);
      }
      case 0x31 -> {
        if ((cr4 & 4) != 0 && cpl != 0 && protectedMode) {
          throw new GuestFault(GP, 0);
        }
        r[EAX] = (int) retired;
        r[EDX] = (int) (retired >>> 32);
      }
      case 0x32 -> {
        requireCpl0();
        long v = readMsr(r[ECX]);
        r[EAX] = (int) v;
        r[EDX] = (int) (v >>> 32);
      }
      case 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f -> {
        decodeModrm();
        int v = readRm(osz);
        if (fl.condition(op & 15)) {
          setReg(osz, regField(), v);
        }
      }
      case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f -> {
        int d = signExtend(fetchImm(osz), osz);
        if (fl.condition(op & 15)) {
          jumpNear(eip + d);
        }
      }
      case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f -> {
        decodeModrm();
        writeRm(1, fl.condition(op & 15) ? 1 : 0);
      }
      case 0xa0, 0xa8 -> push(sel[op == 0xa0 ? FS : GS], osz);
      case 0xa1, 0xa9 -> {
        int v = peek(0, osz) & 0xffff;
        loadSegment(op == 0xa1 ? FS : GS, v);
        setSp(sp() + osz);
      }
      case 0xa2 -> cpuid();
      case 0xa3, 0xab, 0xb3, 0xbb -> bitTest(op, osz);
      case 0xa4, 0xa5, 0xac, 0xad -> {
        decodeModrm();
        int count = (op & 1) == 0 ? fetch8() : r[ECX] & 0xff;
        int dst = readRm(osz);
        writeRm(osz, shiftDouble(op < 0xa8, dst, reg(osz, regField()), count, osz * 8));
      }
      case 0xaf -> {
        decodeModrm();
        int b = signExtend(readRm(osz), osz);
        setReg(osz, regField(), imul2(signExtend(reg(osz, regField()), osz), b, osz));
      }
      case 0xb0, 0xb1 -> {
        int size = op == 0xb0 ? 1 : osz;
        decodeModrm();
        int dst = readRm(size);
        int acc = reg(size, EAX);
        fl.sub(acc, dst, 0, size * 8);
        if (acc == dst) {
          writeRm(size, reg(size, regField()));
        } else {
          writeRm(size, dst);
          setReg(size, EAX, dst);
        }
      }
      case 0xb2 -> loadFarPointer(SS, osz);
      case 0xb4 -> loadFarPointer(FS, osz);
      case 0xb5 -> loadFarPointer(GS, osz);
      case 0xb6, 0xb7 -> {
        decodeModrm();
        setReg(osz, regField(), readRm(op == 0xb6 ? 1 : 2));
      }
      case 0xba -> {
        decodeModrm();
        if (regField() < 4) {
          throw new GuestFault(UD, -1);
        }
        bitOp(regField() - 4, osz, fetch8() & (osz * 8 - 1));
      }
      case 0xbc, 0xbd -> {
        decodeModrm();
        int v = readRm(osz);
        int flags = fl.get();
        if (v == 0) {
          fl.setArithmetic(flags | ZF);
        } else {
          int bit = op == 0xbc ? Integer.numberOfTrailingZeros(v) : 31 - Integer.numberOfLeadingZeros(v);
          setReg(osz, regField(), bit);
          fl.setArithmetic(flags & ~ZF);
        }
      }
      case 0xbe, 0xbf -> {
        decodeModrm();
        int size = op == 0xbe ? 1 : 2;
        setReg(osz, regField(), signExtend(readRm(size), size));
      }
      case 0xc0, 0xc1 -> {
        int size = op == 0xc0 ? 1 : osz;
        decodeModrm();
        int dst = readRm(size);
        int src = reg(size, regField());
        int sum = fl.add(dst, src, 0, size * 8);
        writeRm(size, sum);
        setReg(size, regField(), dst);
      }
      case 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf -> r[op & 7] = Integer.reverseBytes(r[op & 7]);
      default -> throw new GuestFault(UD, -1);
    }
  }

  private void requireCpl0() {
    if (protectedMode && cpl != 0) {
      throw new GuestFault(GP, 0);
    }
  }

  private void requireProtected() {
    if (!protectedMode || (fl.bits & VM) != 0) {
      throw new GuestFault(UD, -1);
    }
  }

  private void bitTest(int op, int osz) {
    decodeModrm();
    int bit = reg(osz, regField());
    int kind = switch (op) {
      case 0xa3 -> 0;
      case 0xab -> 1;
      case 0xb3 -> 2;
      default -> 3;
    };
    if (modrm < 0xc0) {
      int displacement = osz == 2 ? ((short) bit >> 4) * 2 : (bit >> 5) * 4;
      eaOff = a32 ? eaOff + displacement : (eaOff + displacement) & 0xffff;
    }
    bitOp(kind, osz, bit & (osz * 8 - 1));
  }

  /** BT (0), BTS (1), BTR (2), BTC (3) on the ModR/M operand. */
  private void bitOp(int kind, int osz, int bit) {
    int v = readRm(osz);
    int flags = fl.get();
    fl.setArithmetic((flags & ~CF) | ((v >>> bit) & 1));
    switch (kind) {
      case 1 -> writeRm(osz, v | (1 << bit));
      case 2 -> writeRm(osz, v & ~(1 << bit));
      case 3 -> writeRm(osz, v ^ (1 << bit));
      default -> { }
    }
  }

  private void cpuid() {
    switch (r[EAX]) {
      case 0 -> {
        r[EAX] = 1;
        r[EBX] = 0x756e_6547;
        r[EDX] = 0x4965_6e69;
        r[ECX] = 0x6c65_746e;
      }
      case 1 -> {
        r[EAX] = 0x0633;
        r[EBX] = 0;
        r[ECX] = 0;
        r[EDX] = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 15);
      }
      default -> {
        r[EAX] = 0;
        r[EBX] = 0;
        r[ECX] = 0;
        r[EDX] = 0;
      }
    }
  }

  private long readMsr(int msr) {
    if (msr == 0x10) {
      return retired;
    }
    throw new GuestFault(GP, 0);
  }

  /** Writes an MSR: the time-stamp counter is derived from retired instructions and cannot be set. */
  private void writeMsr(int msr) {
    if (msr != 0x10) {
      throw new GuestFault(GP, 0);
    }
  }

  private void moveControl(int op) {
    modrm = fetch8();
    requireCpl0();
    int n = regField();
    int g = modrm & 7;
    switch (op) {
      case 0x20 -> r[g] = switch (n) {
        case 0 -> cr0;
        case 2 -> paging.cr2;
        case 3 -> paging.cr3;
        case 4 -> cr4;
        default -> throw new GuestFault(UD, -1);
      };
      case 0x22 -> {
        int v = r[g];
        switch (n) {
          case 0 -> {
            if ((v & 0x8000_0001) == 0x8000_0000) {
              throw new GuestFault(GP, 0);
            }
            cr0 = v | 0x10;
            modeChanged();
          }
          case 2 -> paging.cr2 = v;
          case 3 -> {
            paging.cr3 = v;
            paging.flush();
            fetchTag = 1;
            flushHostTlb();
          }
          case 4 -> {
            cr4 = v & 0x1f;
            modeChanged();
          }
          default -> throw new GuestFault(UD, -1);
        }
      }
      case 0x21 -> r[g] = dr[n];
      default -> dr[n] = r[g];
    }
  }

  private void group6() {
    requireProtected();
    decodeModrm();
    switch (regField()) {
      case 0 -> writeRm(modrm >= 0xc0 && o32 ? 4 : 2, ldtSel);
      case 1 -> writeRm(modrm >= 0xc0 && o32 ? 4 : 2, trSel);
      case 2 -> {
        requireCpl0();
        int s = readRm(2);
        if ((s & ~3) == 0) {
          ldtSel = 0;
          ldtBase = 0;
          ldtLimit = 0;
          return;
        }
        if ((s & 4) != 0) {
          throw new GuestFault(GP, s & ~3);
        }
        long d = descriptor(s);
        int hi = (int) (d >>> 32);
        if ((hi & 0x1f00) != 0x0200) {
          throw new GuestFault(GP, s & ~3);
        }
        if ((hi & 0x8000) == 0) {
          throw new GuestFault(NP, s & ~3);
        }
        ldtSel = s;
        ldtBase = descBase(d);
        ldtLimit = descLimit(d);
      }
      case 3 -> {
        requireCpl0();
        int s = readRm(2);
        if ((s & ~3) == 0 || (s & 4) != 0) {
          throw new GuestFault(GP, s & ~3);
        }
        long d = descriptor(s);
        int hi = (int) (d >>> 32);
        int type = (hi >>> 8) & 0x1f;
        if (type != 0x01 && type != 0x09) {
          throw new GuestFault(GP, s & ~3);
        }
        if ((hi & 0x8000) == 0) {
          throw new GuestFault(NP, s & ~3);
        }
        writeSystem(descriptorAddress(s) + 5, 1, ((hi >>> 8) | 2) & 0xff);
        trSel = s;
        trBase = descBase(d);
        trLimit = descLimit(d);
        trAttr = ((hi >>> 8) & 0xf0ff) | 2;
      }
      case 4, 5 -> {
        int s = readRm(2);
        boolean ok = false;
        if ((s & ~3) != 0 && descriptorInTable(s)) {
          int hi = (int) (descriptor(s) >>> 32);
          int dpl = (hi >>> 13) & 3;
          boolean codeOrData = (hi & 0x1000) != 0;
          boolean code = (hi & 0x800) != 0;
          boolean conforming = code && (hi & 0x400) != 0;
          boolean privilegeOk = conforming || (dpl >= cpl && dpl >= (s & 3));
          if (codeOrData && privilegeOk) {
            ok = regField() == 4 ? !code || (hi & 0x200) != 0 : !code && (hi & 0x200) != 0;
          }
        }
        int flags = fl.get();
        fl.setArithmetic(ok ? flags | ZF : flags & ~ZF);
      }
      default -> throw new GuestFault(UD, -1);
    }
  }

  private void group7(int osz) {
    decodeModrm();
    int n = regField();
    switch (n) {
      case 0, 1 -> {
        requireMemory();
        write(eaSeg, eaOff, 2, n == 0 ? gdtLimit : idtLimit);
        int b = n == 0 ? gdtBase : idtBase;
        write(eaSeg, a32 ? eaOff + 2 : (eaOff + 2) & 0xffff, 4, osz == 2 ? b & 0xff_ffff : b);
      }
      case 2, 3 -> {
        requireMemory();
        requireCpl0();
        int lim = read(eaSeg, eaOff, 2);
        int b = read(eaSeg, a32 ? eaOff + 2 : (eaOff + 2) & 0xffff, 4);
        if (osz == 2) {
          b &= 0xff_ffff;
        }
        if (n == 2) {
          gdtLimit = lim;
          gdtBase = b;
        } else {
          idtLimit = lim;
          idtBase = b;
        }
      }
      case 4 -> writeRm(modrm >= 0xc0 ? osz : 2, cr0);
      case 6 -> {
        requireCpl0();
        int v = readRm(2) & 0xf;
        // LMSW can set PE but never clear it.
        cr0 = (cr0 & ~0xe) | v | (cr0 & 1);
        modeChanged();
      }
      case 7 -> {
        requireMemory();
        requireCpl0();
        paging.flushPage(base[eaSeg] + eaOff);
        fetchTag = 1;
        flushHostTlb();
      }
      default -> throw new GuestFault(UD, -1);
    }
  }

  private void larLsl(boolean lar, int osz) {
    requireProtected();
    decodeModrm();
    int s = readRm(2);
    int flags = fl.get();
    if ((s & ~3) == 0 || !descriptorInTable(s)) {
      fl.setArithmetic(flags & ~ZF);
      return;
    }
    long d = descriptor(s);
    int hi = (int) (d >>> 32);
    int type = (hi >>> 8) & 0x1f;
    int dpl = (hi >>> 13) & 3;
    boolean valid;
    if ((type & 0x10) != 0) {
      boolean conforming = (type & 0xc) == 0xc;
      valid = conforming || (dpl >= cpl && dpl >= (s & 3));
    } else {
      valid = switch (type) {
        case 1, 2, 3, 9, 0xb -> true;
        case 4, 5, 0xc -> lar;
        default -> false;
      };
      valid &= dpl >= cpl && dpl >= (s & 3);
    }
    if (!valid) {
      fl.setArithmetic(flags & ~ZF);
      return;
    }
    setReg(osz, regField(), lar ? hi & 0x00ff_ff00 : descLimit(d));
    fl.setArithmetic(flags | ZF);
  }

  // --------------------------------------------------------------------------------- descriptors

  private boolean descriptorInTable(int s) {
    int tableLimit = (s & 4) != 0 ? ldtLimit : gdtLimit;
    return (s & ~7) + 7 <= tableLimit && ((s & 4) == 0 || ldtSel != 0);
  }

  private int descriptorAddress(int s) {
    return ((s & 4) != 0 ? ldtBase : gdtBase) + (s & ~7);
  }

  /** Reads the descriptor of selector {@code s}; #GP(selector) when it lies outside its table. */
  private long descriptor(int s) {
    if (!descriptorInTable(s)) {
      throw new GuestFault(GP, s & ~3);
    }
    int a = descriptorAddress(s);
    int lo = readSystem(a, 4);
    int hi = readSystem(a + 4, 4);
    return (long) hi << 32 | (lo & 0xffff_ffffL);
  }

  private static int descBase(long d) {
    int lo = (int) d;
    int hi = (int) (d >>> 32);
    return (lo >>> 16) | ((hi & 0xff) << 16) | (hi & 0xff00_0000);
  }

  private static int descLimit(long d) {
    int lo = (int) d;
    int hi = (int) (d >>> 32);
    int lim = (lo & 0xffff) | (hi & 0xf_0000);
    return (hi & 0x80_0000) != 0 ? (lim << 12) | 0xfff : lim;
  }

  private static int descAttr(long d) {
    return (int) (d >>> 40) & 0xf0ff;
  }

  private void setAccessed(int s, long d) {
    int hi = (int) (d >>> 32);
    if ((hi & 0x100) == 0) {
      writeSystem(descriptorAddress(s) + 5, 1, (hi >>> 8) | 1);
    }
  }

  /** MOV/POP/LxS to a data or stack segment register, with the protected-mode checks. */
  private void loadSegment(int s, int value) {
    value &= 0xffff;
    if (!protectedMode || (fl.bits & VM) != 0) {
      loadRealSegment(s, value);
      return;
    }
    int rpl = value & 3;
    if ((value & ~3) == 0) {
      if (s == SS) {
        throw new GuestFault(GP, 0);
      }
      setCache(s, value, 0, 0, 0);
      return;
    }
    long d = descriptor(value);
    int a = descAttr(d);
    int dpl = (a >>> 5) & 3;
    boolean code = (a & 0x18) == 0x18;
    boolean data = (a & 0x18) == 0x10;
    if (s == SS) {
      if (rpl != cpl || dpl != cpl || !data || (a & 2) == 0) {
        throw new GuestFault(GP, value & ~3);
      }
      if ((a & 0x80) == 0) {
        throw new GuestFault(Vectors.SS, value & ~3);
      }
    } else {
      if (!(data || (code && (a & 2) != 0))) {
        throw new GuestFault(GP, value & ~3);
      }
      boolean conforming = code && (a & 4) != 0;
      if (!conforming && (rpl > dpl || cpl > dpl)) {
        throw new GuestFault(GP, value & ~3);
      }
      if ((a & 0x80) == 0) {
        throw new GuestFault(NP, value & ~3);
      }
    }
    setAccessed(value, d);
    setCache(s, value, descBase(d), descLimit(d), a | 1);
  }

  // -------------------------------------------------------------------------------- far transfers

  private void loadCs(int selector, int b, int lim, int attributes, int newCpl) {
    cpl = newCpl;
    setCache(CS, (selector & ~3) | newCpl, b, lim, attributes);
  }

  /** Validates a far JMP/CALL target that is a code segment; returns its descriptor. */
  private long codeTarget(int selector) {
    if ((selector & ~3) == 0) {
      throw new GuestFault(GP, 0);
    }
    return descriptor(selector);
  }

  private void farJump(int selector, int off, int osz) {
    if (osz == 2) {
      off &= 0xffff;
    }
    if (!protectedMode || (fl.bits & VM) != 0) {
      checkTargetReal(off);
      loadRealSegment(CS, selector);
      eip = off;
      return;
    }
    long d = codeTarget(selector);
    int a = descAttr(d);
    if ((a & 0x10) != 0) {
      checkCodeSegment(selector, a, false);
      checkOffset(off, descLimit(d));
      setAccessed(selector, d);
      loadCs(selector, descBase(d), descLimit(d), a | 1, cpl);
      eip = off;
      return;
    }
    int type = a & 0x1f;
    if (type == 0x04 || type == 0x0c) {
      int[] gate = callGate(selector, d);
      long target = descriptor(gate[0]);
      int ta = descAttr(target);
      checkCodeSegment(gate[0], ta, false);
      int target16 = type == 0x04 ? gate[1] & 0xffff : gate[1];
      checkOffset(target16, descLimit(target));
      setAccessed(gate[0], target);
      loadCs(gate[0], descBase(target), descLimit(target), ta | 1, cpl);
      eip = target16;
      return;
    }
    throw new GuestFault(GP, selector & ~3);
  }

  /** Checks a code segment for a same-privilege transfer (or, with {@code call}, a possibly inner one). */
  private void checkCodeSegment(int selector, int a, boolean callThroughGate) {
    if ((a & 0x18) != 0x18) {
      throw new GuestFault(GP, selector & ~3);
    }
    int dpl = (a >>> 5) & 3;
    boolean conforming = (a & 4) != 0;
    if (conforming ? dpl > cpl : (callThroughGate ? dpl > cpl : (dpl != cpl || (selector & 3) > cpl))) {
      throw new GuestFault(GP, selector & ~3);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(NP, selector & ~3);
    }
  }

  private void checkOffset(int off, int lim) {
    if (Integer.compareUnsigned(off, lim) > 0) {
      throw new GuestFault(GP, 0);
    }
  }

  private void checkTargetReal(int off) {
    if (Integer.compareUnsigned(off, limit[CS]) > 0) {
      throw new GuestFault(GP, 0);
    }
  }

  /** Validates a call gate; returns {target selector, target offset, parameter count}. */
  private int[] callGate(int selector, long d) {
    int a = descAttr(d);
    int dpl = (a >>> 5) & 3;
    if (dpl < cpl || dpl < (selector & 3)) {
      throw new GuestFault(GP, selector & ~3);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(NP, selector & ~3);
    }
    int lo = (int) d;
    int hi = (int) (d >>> 32);
    int targetSel = lo >>> 16;
    if ((targetSel & ~3) == 0) {
      throw new GuestFault(GP, 0);
    }
    return new int[] {targetSel, (lo & 0xffff) | (hi & 0xffff_0000), hi & 0x1f};
  }

  private void farCall(int selector, int off, int osz) {
    if (osz == 2) {
      off &= 0xffff;
    }
    if (!protectedMode || (fl.bits & VM) != 0) {
      checkTargetReal(off);
      int oldCs = sel[CS];
      int oldEip = eip;
      push(oldCs, osz);
      push(oldEip, osz);
      loadRealSegment(CS, selector);
      eip = off;
      return;
    }
    long d = codeTarget(selector);
    int a = descAttr(d);
    if ((a & 0x10) != 0) {
      checkCodeSegment(selector, a, false);
      checkOffset(off, descLimit(d));
      int top = sp();
      writeStackPair(SS, top, sel[CS], eip, osz, stack32);
      setSp(top - 2 * osz);
      setAccessed(selector, d);
      loadCs(selector, descBase(d), descLimit(d), a | 1, cpl);
      eip = off;
      return;
    }
    int type = a & 0x1f;
    if (type != 0x04 && type != 0x0c) {
      throw new GuestFault(GP, selector & ~3);
    }
    int[] gate = callGate(selector, d);
    int gsz = type == 0x0c ? 4 : 2;
    long target = descriptor(gate[0]);
    int ta = descAttr(target);
    checkCodeSegment(gate[0], ta, true);
    int targetOff = gsz == 2 ? gate[1] & 0xffff : gate[1];
    checkOffset(targetOff, descLimit(target));
    int dpl = (ta >>> 5) & 3;
    boolean conforming = (ta & 4) != 0;
    if (!conforming && dpl < cpl) {
      // Inner-privilege call: switch to the stack of the target ring from the TSS and copy parameters.
      int[] stack = tssStack(dpl);
      long ssDesc = checkNewStack(stack[0], dpl, TS);
      int ssBase = descBase(ssDesc);
      int ssAttr = descAttr(ssDesc);
      boolean big = (ssAttr & 0x4000) != 0;
      int nsp = big ? stack[1] : stack[1] & 0xffff;
      int count = gate[2];
      int oldSs = sel[SS];
      int oldEsp = r[ESP];
      nsp = pushOn(ssBase, big, nsp, oldSs, gsz, dpl);
      nsp = pushOn(ssBase, big, nsp, oldEsp, gsz, dpl);
      for (int i = count - 1; i >= 0; i--) {
        int param = peek(i * gsz, gsz);
        nsp = pushOn(ssBase, big, nsp, param, gsz, dpl);
      }
      nsp = pushOn(ssBase, big, nsp, sel[CS], gsz, dpl);
      nsp = pushOn(ssBase, big, nsp, eip, gsz, dpl);
      setAccessed(gate[0], target);
      loadCs(gate[0], descBase(target), descLimit(target), ta | 1, dpl);
      setCache(SS, (stack[0] & ~3) | dpl, ssBase, descLimit(ssDesc), ssAttr | 1);
      r[ESP] = big ? nsp : (r[ESP] & 0xffff_0000) | (nsp & 0xffff);
      eip = targetOff;
      return;
    }
    int top = sp();
    writeStackPair(SS, top, sel[CS], eip, gsz, stack32);
    setSp(top - 2 * gsz);
    setAccessed(gate[0], target);
    loadCs(gate[0], descBase(target), descLimit(target), ta | 1, cpl);
    eip = targetOff;
  }

  /** Pushes CS then EIP below {@code top} on segment {@code s} without committing ESP. */
  private void writeStackPair(int s, int top, int cs, int ip, int size, boolean big) {
    int a = top - size;
    int b = top - 2 * size;
    write(s, big ? a : a & 0xffff, size, cs);
    write(s, big ? b : b & 0xffff, size, ip);
  }

  /** Writes {@code v} below {@code spValue} on the current stack without committing ESP; returns the new top. */
  private int pushChecked(int spValue, int v, int size) {
    int nsp = spValue - size;
    write(SS, stack32 ? nsp : nsp & 0xffff, size, v);
    return nsp;
  }

  /** Pushes onto a stack that is not yet loaded in SS (checked against paging with the new ring's rights). */
  private int pushOn(int ssBase, boolean big, int spValue, int v, int size, int ring) {
    int nsp = spValue - size;
    if (!big) {
      nsp &= 0xffff;
    }
    writeLinear(ssBase + nsp, size, v, ring == 3);
    return nsp;
  }

  /** Returns {SS, ESP} for privilege level {@code ring} from the current TSS. */
  private int[] tssStack(int ring) {
    boolean tss32 = (trAttr & 0x8) != 0;
    int off = tss32 ? 4 + ring * 8 : 2 + ring * 4;
    int width = tss32 ? 4 : 2;
    if (off + width + 1 + width > trLimit + 1) {
      throw new GuestFault(TS, trSel & ~3);
    }
    int espValue = readSystem(trBase + off, width);
    int ssValue = readSystem(trBase + off + width, 2);
    return new int[] {ssValue, espValue};
  }

  private long checkNewStack(int ss, int ring, int vector) {
    if ((ss & ~3) == 0) {
      throw new GuestFault(vector, 0);
    }
    if (!descriptorInTable(ss)) {
      throw new GuestFault(vector, ss & ~3);
    }
    long d = descriptor(ss);
    int a = descAttr(d);
    if ((ss & 3) != ring || ((a >>> 5) & 3) != ring || (a & 0x1a) != 0x12) {
      throw new GuestFault(vector, ss & ~3);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(Vectors.SS, ss & ~3);
    }
    return d;
  }

  private void farReturn(int osz, int extra) {
    int off = peek(0, osz);
    int cs = peek(osz, osz) & 0xffff;
    if (osz == 2) {
      off &= 0xffff;
    }
    if (!protectedMode || (fl.bits & VM) != 0) {
      checkTargetReal(off);
      loadRealSegment(CS, cs);
      setSp(sp() + 2 * osz + extra);
      eip = off;
      return;
    }
    long d = codeTarget(cs);
    int a = descAttr(d);
    int rpl = cs & 3;
    if ((a & 0x18) != 0x18 || rpl < cpl) {
      throw new GuestFault(GP, cs & ~3);
    }
    int dpl = (a >>> 5) & 3;
    boolean conforming = (a & 4) != 0;
    if (conforming ? dpl > rpl : dpl != rpl) {
      throw new GuestFault(GP, cs & ~3);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(NP, cs & ~3);
    }
    checkOffset(off, descLimit(d));
    if (rpl == cpl) {
      setSp(sp() + 2 * osz + extra);
      loadCs(cs, descBase(d), descLimit(d), a | 1, cpl);
      eip = off;
      return;
    }
    int newEsp = peek(2 * osz + extra, osz);
    int newSs = peek(3 * osz + extra, osz) & 0xffff;
    long ssDesc = checkNewStack(newSs, rpl, GP);
    int ssAttr = descAttr(ssDesc);
    loadCs(cs, descBase(d), descLimit(d), a | 1, rpl);
    setCache(SS, newSs, descBase(ssDesc), descLimit(ssDesc), ssAttr | 1);
    r[ESP] = stack32 ? newEsp + extra : (r[ESP] & 0xffff_0000) | ((newEsp + extra) & 0xffff);
    eip = off;
    invalidateOuterSegments();
  }

  /** After a return to an outer ring, data segments the new CPL may not use become null. */
  private void invalidateOuterSegments() {
    for (int s : DATA_SEGMENTS) {
      int a = attr[s];
      boolean conformingCode = (a & 0x1c) == 0x1c;
      if ((sel[s] & ~3) != 0 && !conformingCode && ((a >>> 5) & 3) < cpl) {
        setCache(s, 0, 0, 0, 0);
      }
    }
  }

  private void iret(int osz) {
    if (!protectedMode) {
      int off = peek(0, osz);
      int cs = peek(osz, osz) & 0xffff;
      int flags = peek(2 * osz, osz);
      if (osz == 2) {
        off &= 0xffff;
        flags = (fl.get() & 0xffff_0000) | (flags & 0xffff);
      }
      checkTargetReal(off);
      loadRealSegment(CS, cs);
      setSp(sp() + 3 * osz);
      eip = off;
      writeFlags(flags, osz);
      return;
    }
    if ((fl.bits & NT) != 0) {
      throw new GuestFault(GP, trSel & ~3);
    }
    int off = peek(0, osz);
    int cs = peek(osz, osz) & 0xffff;
    int flags = peek(2 * osz, osz);
    if (osz == 2) {
      off &= 0xffff;
      flags = (fl.get() & 0xffff_0000) | (flags & 0xffff);
    }
    if ((flags & VM) != 0 && cpl == 0) {
      throw new GuestFault(GP, 0);
    }
    long d = codeTarget(cs);
    int a = descAttr(d);
    int rpl = cs & 3;
    int dpl = (a >>> 5) & 3;
    boolean conforming = (a & 4) != 0;
    if ((a & 0x18) != 0x18 || rpl < cpl || (conforming ? dpl > rpl : dpl != rpl)) {
      throw new GuestFault(GP, cs & ~3);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(NP, cs & ~3);
    }
    checkOffset(off, descLimit(d));
    if (rpl == cpl) {
      setSp(sp() + 3 * osz);
      loadCs(cs, descBase(d), descLimit(d), a | 1, cpl);
      eip = off;
      writeFlags(flags, osz);
      return;
    }
    int newEsp = peek(3 * osz, osz);
    int newSs = peek(4 * osz, osz) & 0xffff;
    long ssDesc = checkNewStack(newSs, rpl, GP);
    int oldCpl = cpl;
    writeFlags(flags, osz);
    // writeFlags judged IOPL/IF at the old CPL, as the architecture requires.
    loadCs(cs, descBase(d), descLimit(d), a | 1, rpl);
    setCache(SS, newSs, descBase(ssDesc), descLimit(ssDesc), descAttr(ssDesc) | 1);
    r[ESP] = stack32 ? newEsp : (r[ESP] & 0xffff_0000) | (newEsp & 0xffff);
    eip = off;
    if (oldCpl != cpl) {
      invalidateOuterSegments();
    }
  }

  // -------------------------------------------------------------------------------- interrupts

  private void softwareInterrupt(int vector) {
    if ((fl.bits & VM) != 0 && ((fl.bits & IOPL) >>> 12) < 3) {
      throw new GuestFault(GP, 0);
    }
    interrupt(vector, -1, SOFTWARE);
  }

  private void interrupt(int vector, int errorCode, int kind) {
    if (!protectedMode) {
      interruptReal(vector);
    } else {
      interruptProtected(vector, errorCode, kind);
    }
  }

  private void interruptReal(int vector) {
    if (vector * 4 + 3 > idtLimit) {
      throw new GuestFault(GP, 0);
    }
    int off = readLinear(idtBase + vector * 4, 2, false);
    int cs = readLinear(idtBase + vector * 4 + 2, 2, false);
    int top = sp();
    int flags = fl.get();
    int f = (top - 2) & 0xffff;
    int c = (top - 4) & 0xffff;
    int i = (top - 6) & 0xffff;
    write(SS, stack32 ? top - 2 : f, 2, flags);
    write(SS, stack32 ? top - 4 : c, 2, sel[CS]);
    write(SS, stack32 ? top - 6 : i, 2, eip);
    setSp(top - 6);
    fl.bits &= ~(IF | TF | AC | RF);
    loadRealSegment(CS, cs);
    eip = off;
  }

  private void interruptProtected(int vector, int errorCode, int kind) {
    int ext = kind == SOFTWARE ? 0 : 1;
    if (vector * 8 + 7 > idtLimit) {
      throw new GuestFault(GP, vector * 8 + 2 + ext);
    }
    int lo = readSystem(idtBase + vector * 8, 4);
    int hi = readSystem(idtBase + vector * 8 + 4, 4);
    int type = (hi >>> 8) & 0x1f;
    int gateDpl = (hi >>> 13) & 3;
    if (type != 0x06 && type != 0x07 && type != 0x0e && type != 0x0f) {
      throw new GuestFault(GP, vector * 8 + 2 + ext);
    }
    if (kind == SOFTWARE && gateDpl < cpl) {
      throw new GuestFault(GP, vector * 8 + 2);
    }
    if ((hi & 0x8000) == 0) {
      throw new GuestFault(NP, vector * 8 + 2 + ext);
    }
    boolean gate32 = (type & 8) != 0;
    int size = gate32 ? 4 : 2;
    int targetSel = lo >>> 16;
    int targetOff = gate32 ? (lo & 0xffff) | (hi & 0xffff_0000) : lo & 0xffff;
    if ((targetSel & ~3) == 0) {
      throw new GuestFault(GP, ext);
    }
    if (!descriptorInTable(targetSel)) {
      throw new GuestFault(GP, (targetSel & ~3) + ext);
    }
    long d = descriptor(targetSel);
    int a = descAttr(d);
    int dpl = (a >>> 5) & 3;
    if ((a & 0x18) != 0x18 || dpl > cpl) {
      throw new GuestFault(GP, (targetSel & ~3) + ext);
    }
    if ((a & 0x80) == 0) {
      throw new GuestFault(NP, (targetSel & ~3) + ext);
    }
    checkOffset(targetOff, descLimit(d));
    boolean conforming = (a & 4) != 0;
    int flags = fl.get();
    boolean pushError = kind == EXCEPTION && Vectors.hasErrorCode(vector) && errorCode >= 0;
    if (!conforming && dpl < cpl) {
      int[] stack = tssStack(dpl);
      long ssDesc = checkNewStack(stack[0], dpl, TS);
      int ssBase = descBase(ssDesc);
      int ssAttr = descAttr(ssDesc);
      boolean big = (ssAttr & 0x4000) != 0;
      int nsp = big ? stack[1] : stack[1] & 0xffff;
      nsp = pushOn(ssBase, big, nsp, sel[SS], size, dpl);
      nsp = pushOn(ssBase, big, nsp, r[ESP], size, dpl);
      nsp = pushOn(ssBase, big, nsp, flags, size, dpl);
      nsp = pushOn(ssBase, big, nsp, sel[CS], size, dpl);
      nsp = pushOn(ssBase, big, nsp, eip, size, dpl);
      if (pushError) {
        nsp = pushOn(ssBase, big, nsp, errorCode, size, dpl);
      }
      setAccessed(targetSel, d);
      loadCs(targetSel, descBase(d), descLimit(d), a | 1, dpl);
      setCache(SS, (stack[0] & ~3) | dpl, ssBase, descLimit(ssDesc), ssAttr | 1);
      r[ESP] = big ? nsp : (r[ESP] & 0xffff_0000) | (nsp & 0xffff);
      invalidateOuterSegments();
    } else {
      int nsp = sp();
      nsp = pushChecked(nsp, flags, size);
      nsp = pushChecked(nsp, sel[CS], size);
      nsp = pushChecked(nsp, eip, size);
      if (pushError) {
        nsp = pushChecked(nsp, errorCode, size);
      }
      setSp(nsp);
      setAccessed(targetSel, d);
      loadCs(targetSel, descBase(d), descLimit(d), a | 1, cpl);
    }
    eip = targetOff;
    fl.bits &= ~(TF | NT | RF | VM);
    if ((type & 1) == 0) {
      fl.bits &= ~IF;
    }
  }
}
