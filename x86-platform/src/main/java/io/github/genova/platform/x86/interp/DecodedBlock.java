package io.github.genova.platform.x86.interp;

/**
 * A run of instructions decoded once from one 4 KiB physical page, stored as int-encoded micro-ops: for
 * each instruction a fixed-stride record of {@link #STRIDE} ints (operation, length, operand size, two
 * register or condition fields, an immediate, and the pre-decoded memory operand: base, index, scale,
 * displacement, segment, 16-bit address mask, offset in the block). Instructions the fast path does not cover are recorded as
 * {@link #SLOW}, which makes the interpreter decode and execute that one instruction the general way.
 *
 * <p>A block is valid for the physical start address and default operand size it was decoded for, while
 * its page's write generation ({@link CodePages}) is unchanged. A block that runs often enough may carry a
 * {@link CompiledBlock} from the JIT tier, which lives and dies with it (so self-modifying code drops compiled
 * code with the same write generations).
 *
 * <p>Public only for the JIT backend (this package is not exported): it reads the micro-ops through
 * {@link #code32()}, {@link #count()} and {@link #field}.
 */
public final class DecodedBlock {
  public static final int STRIDE = 13;
  public static final int OP = 0;
  public static final int LEN = 1;
  public static final int SIZE = 2;
  public static final int X = 3;
  public static final int Y = 4;
  public static final int IMM = 5;
  public static final int BASE = 6;
  public static final int INDEX = 7;
  public static final int SCALE = 8;
  public static final int DISP = 9;
  public static final int SEG = 10;
  public static final int AMASK = 11;
  public static final int OFFSET = 12;

  /** Decode and execute this instruction with the general interpreter. */
  public static final int SLOW = 0;
  public static final int MOV_RR = 1;
  public static final int MOV_LOAD = 2;
  public static final int MOV_STORE = 3;
  public static final int MOV_R_IMM = 4;
  public static final int MOV_M_IMM = 5;
  public static final int ALU_RR = 6;
  public static final int ALU_R_M = 7;
  public static final int ALU_M_R = 8;
  public static final int ALU_R_IMM = 9;
  public static final int ALU_M_IMM = 10;
  public static final int INC_R = 11;
  public static final int DEC_R = 12;
  public static final int PUSH_R = 13;
  public static final int POP_R = 14;
  public static final int PUSH_IMM = 15;
  public static final int JCC = 16;
  public static final int JMP = 17;
  public static final int CALL = 18;
  public static final int RET = 19;
  public static final int LEA = 20;
  public static final int TEST_RR = 21;
  public static final int TEST_R_IMM = 22;
  public static final int MOVX_R = 23;
  public static final int MOVX_M = 24;
  public static final int NOP = 25;

  /** Physical address of the first instruction. */
  final long start;
  /** Whether it was decoded with 32-bit default operand and address size. */
  final boolean code32;
  /** The page write generation the block was decoded at. */
  final int generation;
  /** Total length in bytes of all instructions. */
  final int length;
  /** Number of instructions. */
  final int count;
  /** The micro-op records, {@link #STRIDE} ints each. */
  final int[] ops;
  /**
   * The two blocks that most recently ran after this one (a block with a conditional jump has two exits),
   * tried before the cache lookup; the caller still validates a linked block like a lookup.
   */
  private @org.jspecify.annotations.Nullable DecodedBlock successor;
  /** How often the block ran, counted up to the compiler's threshold. */
  int runs;
  /** The block compiled by the JIT tier, or null. */
  @org.jspecify.annotations.Nullable CompiledBlock compiled;
  private @org.jspecify.annotations.Nullable DecodedBlock otherSuccessor;

  DecodedBlock(long start, boolean code32, int generation, int length, int count, int[] ops) {
    this.start = start;
    this.code32 = code32;
    this.generation = generation;
    this.length = length;
    this.count = count;
    this.ops = ops;
  }

  /** Returns whether the block was decoded with 32-bit default operand and address size. */
  public boolean code32() {
    return code32;
  }

  /** Returns the number of instructions (micro-op records). */
  public int count() {
    return count;
  }

  /** Returns field {@code field} ({@link #OP} ... {@link #OFFSET}) of the record of instruction {@code index}. */
  public int field(int index, int field) {
    return ops[index * STRIDE + field];
  }

  /** Returns the linked successor that starts at {@code physical}, or null when neither link does. */
  @org.jspecify.annotations.Nullable DecodedBlock linked(long physical) {
    DecodedBlock s = successor;
    if (s != null && s.start == physical) {
      return s;
    }
    s = otherSuccessor;
    return s != null && s.start == physical ? s : null;
  }

  /** Links {@code next} as the most recent successor, keeping the previous one as the other exit. */
  void link(DecodedBlock next) {
    if (successor != next) {
      if (otherSuccessor != next) {
        otherSuccessor = successor;
      }
      successor = next;
    }
  }
}
