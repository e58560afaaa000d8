package io.github.genova.platform.x86.asm;

import org.jspecify.annotations.Nullable;

/**
 * Encodes an instruction's r/m operand: the ModRM byte, for memory also the SIB byte and the
 * displacement, in 16-bit addressing (bx/bp plus si/di) or 32-bit addressing (base, index, scale),
 * with the shortest displacement that holds the value.
 */
final class ModRm {
  private final Pass pass;
  private final int explicitAddressSize;

  /**
   * @param pass the pass to emit into
   * @param explicitAddressSize the address size an {@code a16}/{@code a32} prefix asks for, or 0
   */
  ModRm(Pass pass, int explicitAddressSize) {
    this.pass = pass;
    this.explicitAddressSize = explicitAddressSize;
  }

  /** The address size of a memory operand: its registers', else the prefix's, else the mode's. */
  int addressSize(Operand.@Nullable Mem m) {
    int fromRegisters = m == null ? 0 : m.addressSize();
    if (fromRegisters != 0) {
      return fromRegisters;
    }
    int explicit = explicitAddressSize;
    return explicit != 0 ? explicit : pass.defaultSize();
  }

  /** Emits ModRM (and SIB and displacement) for a register field and an r/m operand. */
  void emit(int reg, Operand rm) {
    if (rm instanceof Operand.Reg(Register r)) {
      if (!r.isGpr()) {
        throw new SyntaxError("register " + r + " cannot be used here");
      }
      pass.emit(0xC0 | reg << 3 | r.number);
    } else if (rm instanceof Operand.Mem m) {
      if (addressSize(m) == 2) {
        emit16(reg, m);
      } else {
        emit32(reg, m);
      }
    } else {
      throw new SyntaxError("a register or memory operand is needed here");
    }
  }

  private void emit16(int reg, Operand.Mem m) {
    if (m.index() != null && m.scale() != 1) {
      throw new SyntaxError("16-bit addressing has no scaled index");
    }
    Expression d = m.displacement();
    long disp = d == null ? 0 : pass.value(d);
    Register a = m.base();
    Register b = m.index();
    if (a == null && b == null) {
      pass.emit(0x06 | reg << 3);
      pass.checkFits(disp, 2, "displacement");
      pass.emit(disp, 2);
      return;
    }
    int rm = rm16(a, b);
    pass.checkFits(disp, 2, "displacement");
    displacement(reg, rm, disp, rm == 6, 2);
  }

  /** The 16-bit r/m field for a base/index register pair. */
  private static int rm16(@Nullable Register a, @Nullable Register b) {
    Register bx = a == Register.BX || b == Register.BX ? Register.BX : null;
    Register bp = a == Register.BP || b == Register.BP ? Register.BP : null;
    Register si = a == Register.SI || b == Register.SI ? Register.SI : null;
    Register di = a == Register.DI || b == Register.DI ? Register.DI : null;
    int count = (a == null ? 0 : 1) + (b == null ? 0 : 1);
    int found = (bx == null ? 0 : 1) + (bp == null ? 0 : 1) + (si == null ? 0 : 1) + (di == null ? 0 : 1);
    if (found != count || (bx != null && bp != null) || (si != null && di != null)) {
      throw new SyntaxError("invalid 16-bit address: use bx or bp, plus si or di");
    }
    if (count == 2) {
      return (bp != null ? 2 : 0) + (di != null ? 1 : 0);
    }
    if (si != null) {
      return 4;
    }
    if (di != null) {
      return 5;
    }
    return bp != null ? 6 : 7;
  }

  private void emit32(int reg, Operand.Mem m) {
    Register base = m.base();
    Register index = m.index();
    int scale = m.scale();
    if (index == Register.ESP) {
      if (scale == 1 && base != Register.ESP) {
        index = base;
        base = Register.ESP;
      } else {
        throw new SyntaxError("esp cannot be an index register");
      }
    }
    Expression d = m.displacement();
    long disp = d == null ? 0 : pass.value(d);
    pass.checkFits(disp, 4, "displacement");
    if (base == null && index == null) {
      pass.emit(0x05 | reg << 3);
      pass.emit(disp, 4);
      return;
    }
    if (index == null && base != null && base != Register.ESP) {
      displacement(reg, base.number, disp, base == Register.EBP, 4);
      return;
    }
    int ss = Integer.numberOfTrailingZeros(scale);
    int indexField = index == null ? 4 : index.number;
    if (base == null) {
      pass.emit(0x04 | reg << 3);
      pass.emit(ss << 6 | indexField << 3 | 5);
      pass.emit(disp, 4);
      return;
    }
    int sib = ss << 6 | indexField << 3 | base.number;
    boolean needsDisp = base == Register.EBP;
    if (!needsDisp && pass.chooseShort(disp == 0)) {
      pass.emit(0x04 | reg << 3);
      pass.emit(sib);
    } else if (pass.chooseShort(fitsSignedByte(disp, 4))) {
      pass.emit(0x44 | reg << 3);
      pass.emit(sib);
      pass.emit(disp, 1);
    } else {
      pass.emit(0x84 | reg << 3);
      pass.emit(sib);
      pass.emit(disp, 4);
    }
  }

  /** ModRM with mod 00 (no displacement, unless the base needs one), 01 (disp8) or 10 (full). */
  private void displacement(int reg, int rm, long disp, boolean needsDisp, int fullSize) {
    if (!needsDisp && pass.chooseShort(disp == 0)) {
      pass.emit(reg << 3 | rm);
    } else if (pass.chooseShort(fitsSignedByte(disp, fullSize))) {
      pass.emit(0x40 | reg << 3 | rm);
      pass.emit(disp, 1);
    } else {
      pass.emit(0x80 | reg << 3 | rm);
      pass.emit(disp, fullSize);
    }
  }

  /** Whether a value of the given operand size equals the sign extension of its low byte. */
  static boolean fitsSignedByte(long value, int size) {
    long v = value;
    long limit = 1L << (size * 8);
    if (v >= limit / 2 && v < limit) {
      v -= limit;
    }
    return v >= -128 && v <= 127;
  }

}
