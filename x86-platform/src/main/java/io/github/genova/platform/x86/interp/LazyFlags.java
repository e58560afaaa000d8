package io.github.genova.platform.x86.interp;

/**
 * EFLAGS with the six arithmetic flags (CF PF AF ZF SF OF) kept lazily: an ALU operation records its kind,
 * operands, result and width in four fields, and a flag is computed only when something reads it. The
 * carry and overflow bits come from carry-out vectors ((a AND b) OR ((a OR b) AND NOT r) for addition),
 * so ADD/ADC and SUB/SBB share one formula each. Rare operations (shifts, multiply, BCD) set the flags
 * eagerly through {@link #setArithmetic}.
 *
 * <p>Public only for the JIT backend's compiled blocks (this package is not exported): they call the same
 * {@link #alu}, {@link #inc}, {@link #dec}, {@link #logic} and {@link #condition} as the interpreter, so both
 * tiers produce identical flags by construction.
 */
public final class LazyFlags {
  static final int CF = 0x1;
  static final int PF = 0x4;
  static final int AF = 0x10;
  static final int ZF = 0x40;
  static final int SF = 0x80;
  static final int TF = 0x100;
  static final int IF = 0x200;
  static final int DF = 0x400;
  static final int OF = 0x800;
  static final int IOPL = 0x3000;
  static final int NT = 0x4000;
  static final int RF = 0x1_0000;
  static final int VM = 0x2_0000;
  static final int AC = 0x4_0000;
  static final int ID = 0x20_0000;
  static final int ARITH = CF | PF | AF | ZF | SF | OF;

  private static final int NONE = 0;
  private static final int ADD = 1;
  private static final int SUB = 2;
  private static final int LOGIC = 3;
  /** INC and DEC: like ADD/SUB by one, but CF is the stored one. */
  private static final int INC = 4;
  private static final int DEC = 5;

  private static final byte[] PARITY = new byte[256];

  static {
    for (int i = 0; i < 256; i++) {
      PARITY[i] = (byte) ((Integer.bitCount(i) & 1) == 0 ? PF : 0);
    }
  }

  /** The non-arithmetic bits, plus the arithmetic ones while {@code op == NONE} (and CF for INC/DEC). */
  int bits = 2;
  private int op;
  private int dst;
  private int src;
  /** The result truncated to {@link #width} bits (every flag formula reads bit width-1 or below). */
  private int res;
  /** Operand width in bits: 8, 16 or 32. */
  private int width = 32;

  static int mask(int width) {
    return (int) ((1L << width) - 1);
  }

  static int parity(int value) {
    return PARITY[value & 0xff];
  }

  /** Returns all of EFLAGS. */
  int get() {
    if (op == NONE) {
      return bits;
    }
    return (bits & ~ARITH) | cfBit() | pfBit() | afBit() | zfBit() | sfBit() | ofBit();
  }

  /** Replaces all of EFLAGS (bit 1 forced on, bits 3, 5, 15 forced off). */
  void set(int value) {
    bits = (value | 2) & ~0x8028;
    op = NONE;
  }

  /** Replaces the six arithmetic flags with {@code arith} (other bits of the argument are ignored). */
  void setArithmetic(int arith) {
    bits = (bits & ~ARITH) | (arith & ARITH);
    op = NONE;
  }

  /** Materialises the lazy flags into {@link #bits}. */
  void materialise() {
    if (op != NONE) {
      bits = get();
      op = NONE;
    }
  }

  public boolean cf() {
    return cfBit() != 0;
  }

  boolean zf() {
    return op == NONE ? (bits & ZF) != 0 : res == 0;
  }

  boolean sf() {
    return sfBit() != 0;
  }

  boolean of() {
    return ofBit() != 0;
  }

  boolean pf() {
    return pfBit() != 0;
  }

  boolean af() {
    return afBit() != 0;
  }

  private int cfBit() {
    return switch (op) {
      case NONE, INC, DEC -> bits & CF;
      case ADD -> (((dst & src) | ((dst | src) & ~res)) >>> (width - 1)) & 1;
      case SUB -> (((~dst & src) | ((~dst ^ src) & res)) >>> (width - 1)) & 1;
      default -> 0;
    };
  }

  private int pfBit() {
    return op == NONE ? bits & PF : PARITY[res & 0xff];
  }

  private int afBit() {
    return switch (op) {
      case NONE -> bits & AF;
      case LOGIC -> 0;
      default -> (dst ^ src ^ res) & AF;
    };
  }

  private int zfBit() {
    return op == NONE ? bits & ZF : res == 0 ? ZF : 0;
  }

  private int sfBit() {
    return op == NONE ? bits & SF : ((res >>> (width - 1)) & 1) << 7;
  }

  private int ofBit() {
    return switch (op) {
      case NONE -> bits & OF;
      case ADD, INC -> ((((dst ^ res) & (src ^ res)) >>> (width - 1)) & 1) << 11;
      case SUB, DEC -> ((((dst ^ src) & (dst ^ res)) >>> (width - 1)) & 1) << 11;
      default -> 0;
    };
  }

  private int record(int kind, int a, int b, int r, int w) {
    op = kind;
    dst = a;
    src = b;
    int m = r & mask(w);
    res = m;
    width = w;
    return m;
  }

  /** ADD (carry = 0) or ADC (carry = CF); operands already truncated to {@code w} bits. */
  public int add(int a, int b, int carry, int w) {
    return record(ADD, a, b, a + b + carry, w);
  }

  /** SUB/CMP (borrow = 0) or SBB (borrow = CF). */
  public int sub(int a, int b, int borrow, int w) {
    return record(SUB, a, b, a - b - borrow, w);
  }

  /** Records the flags of AND/OR/XOR/TEST for result {@code r}. */
  public int logic(int r, int w) {
    // CF, OF and AF are zero after a logical operation, so the operands need not be kept.
    op = LOGIC;
    int m = r & mask(w);
    res = m;
    width = w;
    return m;
  }

  public int inc(int a, int w) {
    bits = (bits & ~CF) | cfBit();
    return record(INC, a, 1, a + 1, w);
  }

  public int dec(int a, int w) {
    bits = (bits & ~CF) | cfBit();
    return record(DEC, a, 1, a - 1, w);
  }

  /** ADD OR ADC SBB AND SUB XOR CMP ({@code aluOp} 0..7) on operands truncated to {@code size} bytes. */
  public int alu(int aluOp, int a, int b, int size) {
    int w = size * 8;
    return switch (aluOp) {
      case 0 -> add(a, b, 0, w);
      case 1 -> logic(a | b, w);
      case 2 -> add(a, b, cf() ? 1 : 0, w);
      case 3 -> sub(a, b, cf() ? 1 : 0, w);
      case 4 -> logic(a & b, w);
      case 5, 7 -> sub(a, b, 0, w);
      default -> logic(a ^ b, w);
    };
  }

  /** Whether condition {@code cc} (the low nibble of Jcc, SETcc, CMOVcc: O NO B AE E NE BE A ...) holds. */
  public boolean condition(int cc) {
    boolean v = switch (cc >>> 1) {
      case 0 -> of();
      case 1 -> cf();
      case 2 -> zf();
      case 3 -> cf() || zf();
      case 4 -> sf();
      case 5 -> pf();
      case 6 -> sf() != of();
      default -> zf() || sf() != of();
    };
    return v ^ ((cc & 1) != 0);
  }

  /** Flags SF, ZF, PF of {@code r} at width {@code w} (the rest zero), for eager operations. */
  static int szp(int r, int w) {
    int m = r & mask(w);
    return (m == 0 ? ZF : 0) | (((m >>> (w - 1)) & 1) << 7) | PARITY[m & 0xff];
  }
}
