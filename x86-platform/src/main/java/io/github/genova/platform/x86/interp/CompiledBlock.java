package io.github.genova.platform.x86.interp;

/**
 * The JIT tier's code for a prefix of a {@link DecodedBlock}: its first {@link #instructions()} micro-ops (all
 * of the fast kinds) as one method that does to the CPU exactly what the interpreter's micro-op loop does to
 * it, in the same order and through the same {@link Interpreter.Guest} operations, so that the interpreter
 * can run the rest of the block (the {@link DecodedBlock#SLOW} instruction that ended the prefix) and keep
 * the budget, fault rollback and instruction count in one place.
 *
 * <p>Public only for the JIT backend, whose generated hidden classes extend it (this package is not
 * exported). Instances hold no state of their own, so one may serve every block with the same micro-ops.
 */
public abstract class CompiledBlock {
  private final int instructions;
  private final int stackWidth;

  /**
   * Creates the code for {@code instructions} micro-ops that touch the stack at {@code stackWidth} bits
   * (32 or 16, as SS.B was when compiled), or 0 when none of them touches the stack.
   */
  protected CompiledBlock(int instructions, int stackWidth) {
    this.instructions = instructions;
    this.stackWidth = stackWidth;
  }

  /** Returns how many micro-ops from the block start this code covers. */
  public final int instructions() {
    return instructions;
  }

  /** Whether the code may run with the given stack width (its stack arithmetic was fixed at compile time). */
  final boolean fitsStack(boolean stack32) {
    return stackWidth == 0 || (stackWidth == 32) == stack32;
  }

  /**
   * Runs the covered micro-ops of a block entered at {@code blockEip}.
   *
   * @return the number of micro-ops completed when execution ran past the last covered one (EIP is then
   *     not updated, as in the interpreter's loop), or the bitwise complement of that number when the block
   *     ended early: a taken jump, a call or return, or a store into a page with decoded code (EIP then points
   *     to where execution continues)
   * @throws RuntimeException a {@link GuestFault} from a micro-op, after {@link Interpreter.Guest#faultAt}
   *     named the micro-op and every register was written back
   */
  public abstract int run(Interpreter.Guest guest, int blockEip);
}
