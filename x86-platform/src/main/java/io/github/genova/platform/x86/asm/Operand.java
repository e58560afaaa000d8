package io.github.genova.platform.x86.asm;

import org.jspecify.annotations.Nullable;

/** A parsed instruction operand. */
sealed interface Operand {
  /** A register operand. */
  record Reg(Register register) implements Operand {}

  /**
   * An immediate (or a jump or call target).
   *
   * @param value the value
   * @param size the explicit size in bytes ({@code byte}/{@code word}/{@code dword}), 0 if none
   * @param distance {@code short}, {@code near} or {@code far} as written, or null
   * @param strict whether {@code strict} was written: the immediate keeps its written size instead
   *     of the shortest encoding
   */
  record Imm(Expression value, int size, @Nullable String distance, boolean strict)
      implements Operand {
    /** Whether the written size forbids the sign-extended byte form for an operand of this size. */
    boolean forbidsShortForm(int operandSize) {
      return strict && size > 1 && size == operandSize;
    }
  }

  /**
   * A far pointer {@code segment:offset}, the target of a direct far jump or call.
   *
   * @param size the explicit offset size ({@code word}/{@code dword}), 0 for the mode's default
   */
  record FarPointer(Expression segment, Expression offset, int size) implements Operand {}

  /**
   * A memory operand.
   *
   * @param size the explicit size in bytes, 0 if none
   * @param segment the segment-override register, or null
   * @param base the base register, or null
   * @param index the index register, or null
   * @param scale the index scale (1, 2, 4 or 8)
   * @param displacement the displacement, or null when there is none
   * @param far whether {@code far} was written (an indirect far jump or call)
   */
  record Mem(
      int size,
      @Nullable Register segment,
      @Nullable Register base,
      @Nullable Register index,
      int scale,
      @Nullable Expression displacement,
      boolean far)
      implements Operand {

    /** The address size (2 or 4) the registers imply, or 0 if there are none. */
    int addressSize() {
      Register r = base != null ? base : index;
      return r == null ? 0 : r.size;
    }
  }
}
