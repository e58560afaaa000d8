package io.github.genova.platform.x86.asm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one source line asks for, after parsing: a directive, data or an instruction. */
sealed interface Statement {
  /** {@code name equ expression}. */
  record Equ(String name, Expression value) implements Statement {}

  /** {@code bits 16} or {@code bits 32}. */
  record Bits(int bits) implements Statement {}

  /** {@code org address}: the address of the image's first byte. */
  record Org(Expression address) implements Statement {}

  /**
   * {@code db}/{@code dw}/{@code dd}: data items of one unit size; a string gives its bytes, padded
   * with zeros to a whole number of units.
   */
  record Data(int unitSize, List<Object> items) implements Statement {}

  /** {@code times count statement}. */
  record Times(Expression count, Statement body) implements Statement {}

  /** {@code align boundary[, db fill]}: pads to a multiple of the boundary (fill 0x90 by default). */
  record Align(Expression boundary, @Nullable Expression fill) implements Statement {}

  /** {@code resb}/{@code resw}/{@code resd}: reserves zero-filled space. */
  record Reserve(int unitSize, Expression count) implements Statement {}

  /**
   * An instruction.
   *
   * @param mnemonic the lower-case mnemonic
   * @param operands the operands in source order
   * @param prefixes the prefixes written before the mnemonic
   */
  record Instruction(String mnemonic, List<Operand> operands, Prefixes prefixes)
      implements Statement {}

  /**
   * Prefixes written before a mnemonic.
   *
   * @param repeat 0xF3, 0xF2 or 0 for none
   * @param lock whether {@code lock} was written
   * @param operandSize 2 for {@code o16}, 4 for {@code o32}, 0 for none
   * @param addressSize 2 for {@code a16}, 4 for {@code a32}, 0 for none
   * @param segment a segment register written as a prefix, or null
   */
  record Prefixes(
      int repeat, boolean lock, int operandSize, int addressSize, @Nullable Register segment) {
    static final Prefixes NONE = new Prefixes(0, false, 0, 0, null);
  }
}
