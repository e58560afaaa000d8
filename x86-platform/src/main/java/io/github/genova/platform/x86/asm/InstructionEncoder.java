package io.github.genova.platform.x86.asm;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes one instruction into the pass output: prefixes (in the order segment, 0x67, 0x66,
 * lock/rep), opcode, ModRM/SIB/displacement and immediate, choosing the shortest form the Intel SDM
 * allows (sign-extended imm8, accumulator forms, short jumps, disp8).
 */
final class InstructionEncoder {
  private static final List<String> ALU = List.of("add", "or", "adc", "sbb", "and", "sub", "xor", "cmp");
  private static final Map<String, Integer> SHIFT =
      Map.of("rol", 0, "ror", 1, "rcl", 2, "rcr", 3, "shl", 4, "sal", 4, "shr", 5, "sar", 7);
  private static final Map<String, Integer> UNARY =
      Map.of("not", 2, "neg", 3, "mul", 4, "div", 6, "idiv", 7);
  private static final Map<String, Integer> BIT_TEST = Map.of("bt", 4, "bts", 5, "btr", 6, "btc", 7);
  private static final Map<String, int[]> DESCRIPTOR_OPS =
      Map.of(
          "sgdt", new int[] {0x01, 0}, "sidt", new int[] {0x01, 1},
          "lgdt", new int[] {0x01, 2}, "lidt", new int[] {0x01, 3},
          "invlpg", new int[] {0x01, 7});
  private static final Map<String, int[]> SELECTOR_OPS =
      Map.of(
          "sldt", new int[] {0x00, 0}, "str", new int[] {0x00, 1},
          "lldt", new int[] {0x00, 2}, "ltr", new int[] {0x00, 3},
          "verr", new int[] {0x00, 4}, "verw", new int[] {0x00, 5},
          "smsw", new int[] {0x01, 4}, "lmsw", new int[] {0x01, 6});

  /**
   * String instructions: opcode and operand size (0: the mode's default, changed only by o16/o32).
   */
  private static final Map<String, int[]> STRING_OPS =
      Map.ofEntries(
          Map.entry("movsb", new int[] {0xA4, 1}), Map.entry("movsw", new int[] {0xA5, 2}),
          Map.entry("movsd", new int[] {0xA5, 4}), Map.entry("cmpsb", new int[] {0xA6, 1}),
          Map.entry("cmpsw", new int[] {0xA7, 2}), Map.entry("cmpsd", new int[] {0xA7, 4}),
          Map.entry("stosb", new int[] {0xAA, 1}), Map.entry("stosw", new int[] {0xAB, 2}),
          Map.entry("stosd", new int[] {0xAB, 4}), Map.entry("lodsb", new int[] {0xAC, 1}),
          Map.entry("lodsw", new int[] {0xAD, 2}), Map.entry("lodsd", new int[] {0xAD, 4}),
          Map.entry("scasb", new int[] {0xAE, 1}), Map.entry("scasw", new int[] {0xAF, 2}),
          Map.entry("scasd", new int[] {0xAF, 4}), Map.entry("insb", new int[] {0x6C, 1}),
          Map.entry("insw", new int[] {0x6D, 2}), Map.entry("insd", new int[] {0x6D, 4}),
          Map.entry("outsb", new int[] {0x6E, 1}), Map.entry("outsw", new int[] {0x6F, 2}),
          Map.entry("outsd", new int[] {0x6F, 4}), Map.entry("xlatb", new int[] {0xD7, 1}),
          Map.entry("xlat", new int[] {0xD7, 1}));

  /**
   * Instructions without operands: the opcode bytes, then the operand size (1: none, 0: the mode's
   * default, 2 or 4: that size).
   */
  private static final Map<String, int[]> PLAIN =
      Map.ofEntries(
          Map.entry("cli", new int[] {1, 0xFA}), Map.entry("sti", new int[] {1, 0xFB}),
          Map.entry("hlt", new int[] {1, 0xF4}), Map.entry("cld", new int[] {1, 0xFC}),
          Map.entry("std", new int[] {1, 0xFD}), Map.entry("clc", new int[] {1, 0xF8}),
          Map.entry("stc", new int[] {1, 0xF9}), Map.entry("cmc", new int[] {1, 0xF5}),
          Map.entry("nop", new int[] {1, 0x90}), Map.entry("sahf", new int[] {1, 0x9E}),
          Map.entry("lahf", new int[] {1, 0x9F}), Map.entry("leave", new int[] {1, 0xC9}),
          Map.entry("wait", new int[] {1, 0x9B}), Map.entry("fwait", new int[] {1, 0x9B}),
          Map.entry("int3", new int[] {1, 0xCC}), Map.entry("into", new int[] {1, 0xCE}),
          Map.entry("int1", new int[] {1, 0xF1}), Map.entry("icebp", new int[] {1, 0xF1}),
          Map.entry("daa", new int[] {1, 0x27}), Map.entry("das", new int[] {1, 0x2F}),
          Map.entry("aaa", new int[] {1, 0x37}), Map.entry("aas", new int[] {1, 0x3F}),
          Map.entry("cbw", new int[] {2, 0x98}), Map.entry("cwde", new int[] {4, 0x98}),
          Map.entry("cwd", new int[] {2, 0x99}), Map.entry("cdq", new int[] {4, 0x99}),
          Map.entry("pushf", new int[] {0, 0x9C}), Map.entry("pushfw", new int[] {2, 0x9C}),
          Map.entry("pushfd", new int[] {4, 0x9C}), Map.entry("popf", new int[] {0, 0x9D}),
          Map.entry("popfw", new int[] {2, 0x9D}), Map.entry("popfd", new int[] {4, 0x9D}),
          Map.entry("pusha", new int[] {0, 0x60}), Map.entry("pushaw", new int[] {2, 0x60}),
          Map.entry("pushad", new int[] {4, 0x60}), Map.entry("popa", new int[] {0, 0x61}),
          Map.entry("popaw", new int[] {2, 0x61}), Map.entry("popad", new int[] {4, 0x61}),
          Map.entry("iret", new int[] {0, 0xCF}), Map.entry("iretw", new int[] {2, 0xCF}),
          Map.entry("iretd", new int[] {4, 0xCF}), Map.entry("clts", new int[] {1, 0x0F, 0x06}),
          Map.entry("invd", new int[] {1, 0x0F, 0x08}), Map.entry("wbinvd", new int[] {1, 0x0F, 0x09}),
          Map.entry("cpuid", new int[] {1, 0x0F, 0xA2}), Map.entry("rdtsc", new int[] {1, 0x0F, 0x31}),
          Map.entry("rdmsr", new int[] {1, 0x0F, 0x32}), Map.entry("wrmsr", new int[] {1, 0x0F, 0x30}),
          Map.entry("ud2", new int[] {1, 0x0F, 0x0B}));

  private final Pass pass;
  private final Statement.Instruction insn;
  private final String mnemonic;
  private final List<Operand> ops;
  private final ModRm modRm;

  private InstructionEncoder(Pass pass, Statement.Instruction insn) {
    this.pass = pass;
    this.insn = insn;
    this.mnemonic = insn.mnemonic();
    this.ops = insn.operands();
    this.modRm = new ModRm(pass, insn.prefixes().addressSize());
  }

  static void encode(Pass pass, Statement.Instruction insn) {
    new InstructionEncoder(pass, insn).encode();
  }

  private void encode() {
    int aluIndex = ALU.indexOf(mnemonic);
    if (aluIndex >= 0) {
      alu(aluIndex);
      return;
    }
    Integer n;
    if ((n = SHIFT.get(mnemonic)) != null) {
      shift(n);
      return;
    }
    if ((n = UNARY.get(mnemonic)) != null) {
      operandCount(1);
      Operand rm = rmOperand(0);
      int size = requireSize(sizeOf(rm));
      group(size, 0xF6, n, rm);
      return;
    }
    if ((n = BIT_TEST.get(mnemonic)) != null) {
      bitTest(n);
      return;
    }
    int[] entry;
    if ((entry = PLAIN.get(mnemonic)) != null) {
      plain(entry);
      return;
    }
    if ((entry = STRING_OPS.get(mnemonic)) != null) {
      operandCount(0);
      int size = entry[1] == 1 ? 1 : insn.prefixes().operandSize() != 0 ? insn.prefixes().operandSize() : entry[1];
      prefixes(size, null);
      pass.emit(entry[0]);
      return;
    }
    if ((entry = DESCRIPTOR_OPS.get(mnemonic)) != null) {
      operandCount(1);
      Operand.Mem m = memOperand(0);
      prefixes(insn.prefixes().operandSize(), m);
      pass.emit(0x0F);
      pass.emit(entry[0]);
      modRm.emit(entry[1], m);
      return;
    }
    if ((entry = SELECTOR_OPS.get(mnemonic)) != null) {
      operandCount(1);
      Operand rm = rmOperand(0);
      int size = rm instanceof Operand.Reg r ? r.register().size : 0;
      if (size == 1) {
        throw invalid();
      }
      // Only the stores into a register have a size; the loads always read 16 bits.
      boolean sized = mnemonic.equals("str") || mnemonic.equals("sldt") || mnemonic.equals("smsw");
      prefixes(sized ? size : 0, rm);
      pass.emit(0x0F);
      pass.emit(entry[0]);
      modRm.emit(entry[1], rm);
      return;
    }
    int cc;
    if ((cc = ConditionCode.of(mnemonic, "j")) >= 0) {
      jump(0x70 | cc, new int[] {0x0F, 0x80 | cc});
      return;
    }
    if ((cc = ConditionCode.of(mnemonic, "set")) >= 0) {
      operandCount(1);
      Operand rm = rmOperand(0);
      if (sizeOf(rm) > 1) {
        throw invalid();
      }
      prefixes(0, rm);
      pass.emit(0x0F);
      pass.emit(0x90 | cc);
      modRm.emit(0, rm);
      return;
    }
    if ((cc = ConditionCode.of(mnemonic, "cmov")) >= 0) {
      regRm(0x40 | cc);
      return;
    }
    switch (mnemonic) {
      case "mov" -> mov();
      case "test" -> test();
      case "push" -> push();
      case "pop" -> pop();
      case "inc", "dec" -> incDec(mnemonic.equals("inc") ? 0 : 1);
      case "imul" -> imul();
      case "xchg" -> xchg();
      case "lea" -> lea();
      case "movzx" -> extend(0xB6);
      case "movsx" -> extend(0xBE);
      case "jmp" -> jmp();
      case "call" -> call();
      case "loop" -> shortOnly(0xE2, 0);
      case "loope", "loopz" -> shortOnly(0xE1, 0);
      case "loopne", "loopnz" -> shortOnly(0xE0, 0);
      case "jcxz" -> shortOnly(0xE3, 2);
      case "jecxz" -> shortOnly(0xE3, 4);
      case "ret", "retn" -> ret(0xC3, 0xC2);
      case "retf" -> ret(0xCB, 0xCA);
      case "int" -> interrupt();
      case "in" -> in();
      case "out" -> out();
      case "shld" -> doubleShift(0xA4);
      case "shrd" -> doubleShift(0xAC);
      case "bsf" -> regRm(0xBC);
      case "bsr" -> regRm(0xBD);
      case "lar" -> regRm(0x02);
      case "lsl" -> regRm(0x03);
      case "bswap" -> bswap();
      case "xadd" -> rmReg(0xC0);
      case "cmpxchg" -> rmReg(0xB0);
      case "arpl" -> arpl();
      case "les" -> farLoad(new int[] {0xC4});
      case "lds" -> farLoad(new int[] {0xC5});
      case "lss" -> farLoad(new int[] {0x0F, 0xB2});
      case "lfs" -> farLoad(new int[] {0x0F, 0xB4});
      case "lgs" -> farLoad(new int[] {0x0F, 0xB5});
      case "enter" -> enter();
      case "aam" -> asciiAdjust(0xD4);
      case "aad" -> asciiAdjust(0xD5);
      default -> throw new SyntaxError("unknown mnemonic '" + mnemonic + "'");
    }
  }

  // ---------------------------------------------------------------- instruction groups

  private void alu(int n) {
    operandCount(2);
    Operand dst = ops.get(0);
    Operand src = ops.get(1);
    if (isRm(dst) && isGpr(src)) {
      int size = matchSizes(dst, src);
      prefixes(size, dst);
      pass.emit(n * 8 + (size == 1 ? 0 : 1));
      modRm.emit(gpr(src).number, dst);
    } else if (isGpr(dst) && src instanceof Operand.Mem) {
      int size = matchSizes(dst, src);
      prefixes(size, src);
      pass.emit(n * 8 + (size == 1 ? 2 : 3));
      modRm.emit(gpr(dst).number, src);
    } else if (isRm(dst) && src instanceof Operand.Imm imm) {
      int size = requireSize(immTargetSize(dst, imm));
      long v = pass.value(imm.value());
      boolean accumulator = dst instanceof Operand.Reg r && r.register().number == 0;
      if (size == 1) {
        prefixes(1, dst);
        if (accumulator) {
          pass.emit(0x04 + n * 8);
        } else {
          pass.emit(0x80);
          modRm.emit(n, dst);
        }
        immediate(v, 1);
      } else if (!imm.forbidsShortForm(size) && pass.chooseShort(ModRm.fitsSignedByte(v, size))) {
        prefixes(size, dst);
        pass.emit(0x83);
        modRm.emit(n, dst);
        pass.emit(v, 1);
      } else {
        prefixes(size, dst);
        if (accumulator) {
          pass.emit(0x05 + n * 8);
        } else {
          pass.emit(0x81);
          modRm.emit(n, dst);
        }
        immediate(v, size);
      }
    } else {
      throw invalid();
    }
  }

  private void test() {
    operandCount(2);
    Operand a = ops.get(0);
    Operand b = ops.get(1);
    if (isGpr(a) && b instanceof Operand.Mem) {
      Operand t = a;
      a = b;
      b = t;
    }
    if (isRm(a) && isGpr(b)) {
      int size = matchSizes(a, b);
      prefixes(size, a);
      pass.emit(size == 1 ? 0x84 : 0x85);
      modRm.emit(gpr(b).number, a);
    } else if (isRm(a) && b instanceof Operand.Imm imm) {
      int size = requireSize(immTargetSize(a, imm));
      long v = pass.value(imm.value());
      prefixes(size, a);
      if (a instanceof Operand.Reg r && r.register().number == 0) {
        pass.emit(size == 1 ? 0xA8 : 0xA9);
      } else {
        pass.emit(size == 1 ? 0xF6 : 0xF7);
        modRm.emit(0, a);
      }
      immediate(v, size);
    } else {
      throw invalid();
    }
  }

  private void mov() {
    operandCount(2);
    Operand dst = ops.get(0);
    Operand src = ops.get(1);
    Register dr = dst instanceof Operand.Reg r ? r.register() : null;
    Register sr = src instanceof Operand.Reg r ? r.register() : null;
    if (dr != null && dr.kind == Register.Kind.SEGMENT) {
      if ((sr != null && (!sr.isGpr() || sr.size == 1)) || sizeOf(src) == 1 || src instanceof Operand.Imm) {
        throw invalid();
      }
      if (dr == Register.CS) {
        throw new SyntaxError("cs cannot be loaded with mov; use a far jump");
      }
      prefixes(0, src);
      pass.emit(0x8E);
      modRm.emit(dr.number, src);
      return;
    }
    if (sr != null && sr.kind == Register.Kind.SEGMENT) {
      if ((dr != null && (!dr.isGpr() || dr.size == 1)) || sizeOf(dst) == 1 || dst instanceof Operand.Imm) {
        throw invalid();
      }
      prefixes(dr != null ? dr.size : 0, dst);
      pass.emit(0x8C);
      modRm.emit(sr.number, dst);
      return;
    }
    if (dr != null && (dr.kind == Register.Kind.CONTROL || dr.kind == Register.Kind.DEBUG)) {
      if (sr == null || !sr.isGpr() || sr.size != 4) {
        throw new SyntaxError(dr + " can only be loaded from a 32-bit general register");
      }
      pass.emit(0x0F);
      pass.emit(dr.kind == Register.Kind.CONTROL ? 0x22 : 0x23);
      pass.emit(0xC0 | dr.number << 3 | sr.number);
      return;
    }
    if (sr != null && (sr.kind == Register.Kind.CONTROL || sr.kind == Register.Kind.DEBUG)) {
      if (dr == null || !dr.isGpr() || dr.size != 4) {
        throw new SyntaxError(sr + " can only be stored to a 32-bit general register");
      }
      pass.emit(0x0F);
      pass.emit(sr.kind == Register.Kind.CONTROL ? 0x20 : 0x21);
      pass.emit(0xC0 | sr.number << 3 | dr.number);
      return;
    }
    if (dr != null && dr.number == 0 && isDirectAddress(src)) {
      int size = matchSizes(dst, src);
      prefixes(size, src);
      pass.emit(size == 1 ? 0xA0 : 0xA1);
      directAddress((Operand.Mem) src);
      return;
    }
    if (sr != null && sr.number == 0 && sr.isGpr() && isDirectAddress(dst)) {
      int size = matchSizes(dst, src);
      prefixes(size, dst);
      pass.emit(size == 1 ? 0xA2 : 0xA3);
      directAddress((Operand.Mem) dst);
      return;
    }
    if (isRm(dst) && isGpr(src)) {
      int size = matchSizes(dst, src);
      prefixes(size, dst);
      pass.emit(size == 1 ? 0x88 : 0x89);
      modRm.emit(gpr(src).number, dst);
    } else if (isGpr(dst) && src instanceof Operand.Mem) {
      int size = matchSizes(dst, src);
      prefixes(size, src);
      pass.emit(size == 1 ? 0x8A : 0x8B);
      modRm.emit(gpr(dst).number, src);
    } else if (isRm(dst) && src instanceof Operand.Imm imm) {
      int size = requireSize(immTargetSize(dst, imm));
      long v = pass.value(imm.value());
      prefixes(size, dst);
      if (dr != null) {
        pass.emit((size == 1 ? 0xB0 : 0xB8) + dr.number);
      } else {
        pass.emit(size == 1 ? 0xC6 : 0xC7);
        modRm.emit(0, dst);
      }
      immediate(v, size);
    } else {
      throw invalid();
    }
  }

  private void push() {
    operandCount(1);
    Operand o = ops.get(0);
    if (o instanceof Operand.Reg(Register r) && r.kind == Register.Kind.SEGMENT) {
      prefixes(insn.prefixes().operandSize(), null);
      segmentPushPop(r, 0x06, 0xA0);
    } else if (o instanceof Operand.Reg(Register r) && r.isGpr() && r.size > 1) {
      prefixes(r.size, null);
      pass.emit(0x50 + r.number);
    } else if (o instanceof Operand.Mem m) {
      int size = m.size() == 0 ? pass.defaultSize() : m.size();
      if (size == 1) {
        throw invalid();
      }
      prefixes(size, m);
      pass.emit(0xFF);
      modRm.emit(6, m);
    } else if (o instanceof Operand.Imm imm) {
      int size = imm.size() == 0 || imm.size() == 1 ? pass.defaultSize() : imm.size();
      if (insn.prefixes().operandSize() != 0) {
        size = insn.prefixes().operandSize();
      }
      long v = pass.value(imm.value());
      prefixes(size, null);
      if (imm.size() == 1 || (!imm.forbidsShortForm(size) && pass.chooseShort(ModRm.fitsSignedByte(v, size)))) {
        pass.emit(0x6A);
        immediate(v, 1);
      } else {
        pass.emit(0x68);
        immediate(v, size);
      }
    } else {
      throw invalid();
    }
  }

  private void pop() {
    operandCount(1);
    Operand o = ops.get(0);
    if (o instanceof Operand.Reg(Register r) && r.kind == Register.Kind.SEGMENT) {
      if (r == Register.CS) {
        throw new SyntaxError("pop cs is not an instruction");
      }
      prefixes(insn.prefixes().operandSize(), null);
      segmentPushPop(r, 0x07, 0xA1);
    } else if (o instanceof Operand.Reg(Register r) && r.isGpr() && r.size > 1) {
      prefixes(r.size, null);
      pass.emit(0x58 + r.number);
    } else if (o instanceof Operand.Mem m) {
      int size = m.size() == 0 ? pass.defaultSize() : m.size();
      if (size == 1) {
        throw invalid();
      }
      prefixes(size, m);
      pass.emit(0x8F);
      modRm.emit(0, m);
    } else {
      throw invalid();
    }
  }

  /** Push/pop of a segment register: one-byte opcodes for es/cs/ss/ds, 0F xx for fs/gs. */
  private void segmentPushPop(Register r, int classicBase, int extendedBase) {
    if (r.number < 4) {
      pass.emit(classicBase + (r.number << 3));
    } else {
      pass.emit(0x0F);
      pass.emit(extendedBase + ((r.number - 4) << 3));
    }
  }

  private void incDec(int n) {
    operandCount(1);
    Operand o = rmOperand(0);
    int size = requireSize(sizeOf(o));
    if (o instanceof Operand.Reg(Register r) && size > 1) {
      prefixes(size, null);
      pass.emit(0x40 + n * 8 + r.number);
    } else {
      group(size, 0xFE, n, o);
    }
  }

  /** A one-operand group instruction: opcode for byte size, opcode+1 otherwise, /n in ModRM. */
  private void group(int size, int byteOpcode, int n, Operand rm) {
    prefixes(size, rm);
    pass.emit(size == 1 ? byteOpcode : byteOpcode + 1);
    modRm.emit(n, rm);
  }

  private void imul() {
    if (ops.isEmpty() || ops.size() > 3) {
      throw new SyntaxError("'imul' takes 1 to 3 operands, not " + ops.size());
    }
    if (ops.size() == 1) {
      Operand rm = rmOperand(0);
      group(requireSize(sizeOf(rm)), 0xF6, 5, rm);
      return;
    }
    Operand dst = ops.get(0);
    if (!isGpr(dst) || gpr(dst).size == 1) {
      throw invalid();
    }
    if (ops.size() == 2 && isRm(ops.get(1))) {
      regRm(0xAF);
      return;
    }
    Operand src = ops.size() == 2 ? dst : rmOperand(1);
    if (!(ops.get(ops.size() - 1) instanceof Operand.Imm imm)) {
      throw invalid();
    }
    int size = matchSizes(dst, src);
    long v = pass.value(imm.value());
    prefixes(size, src);
    if (!imm.forbidsShortForm(size) && pass.chooseShort(ModRm.fitsSignedByte(v, size))) {
      pass.emit(0x6B);
      modRm.emit(gpr(dst).number, src);
      pass.emit(v, 1);
    } else {
      pass.emit(0x69);
      modRm.emit(gpr(dst).number, src);
      immediate(v, size);
    }
  }

  private void shift(int n) {
    operandCount(2);
    Operand rm = rmOperand(0);
    int size = requireSize(sizeOf(rm));
    Operand count = ops.get(1);
    if (count instanceof Operand.Reg(Register r) && r == Register.CL) {
      group(size, 0xD2, n, rm);
    } else if (count instanceof Operand.Imm imm) {
      long v = pass.value(imm.value());
      if (pass.chooseShort(v == 1)) {
        group(size, 0xD0, n, rm);
      } else {
        group(size, 0xC0, n, rm);
        immediate(v, 1);
      }
    } else {
      throw new SyntaxError("a shift count must be cl or an immediate");
    }
  }

  private void doubleShift(int opcode) {
    operandCount(3);
    Operand rm = rmOperand(0);
    Operand reg = ops.get(1);
    if (!isGpr(reg)) {
      throw invalid();
    }
    int size = matchSizes(rm, reg);
    if (size == 1) {
      throw invalid();
    }
    Operand count = ops.get(2);
    prefixes(size, rm);
    pass.emit(0x0F);
    if (count instanceof Operand.Reg(Register r) && r == Register.CL) {
      pass.emit(opcode + 1);
      modRm.emit(gpr(reg).number, rm);
    } else if (count instanceof Operand.Imm imm) {
      pass.emit(opcode);
      modRm.emit(gpr(reg).number, rm);
      immediate(pass.value(imm.value()), 1);
    } else {
      throw invalid();
    }
  }

  private void bitTest(int n) {
    operandCount(2);
    Operand rm = rmOperand(0);
    Operand src = ops.get(1);
    if (isGpr(src)) {
      int size = matchSizes(rm, src);
      if (size == 1) {
        throw invalid();
      }
      prefixes(size, rm);
      pass.emit(0x0F);
      pass.emit(0xA3 + ((n - 4) << 3));
      modRm.emit(gpr(src).number, rm);
    } else if (src instanceof Operand.Imm imm) {
      int size = requireSize(sizeOf(rm));
      if (size == 1) {
        throw invalid();
      }
      prefixes(size, rm);
      pass.emit(0x0F);
      pass.emit(0xBA);
      modRm.emit(n, rm);
      immediate(pass.value(imm.value()), 1);
    } else {
      throw invalid();
    }
  }

  private void xchg() {
    operandCount(2);
    Operand a = ops.get(0);
    Operand b = ops.get(1);
    int size = matchSizes(a, b);
    if (isGpr(a) && isGpr(b) && size > 1 && (gpr(a).number == 0 || gpr(b).number == 0)) {
      prefixes(size, null);
      pass.emit(0x90 + (gpr(a).number == 0 ? gpr(b).number : gpr(a).number));
      return;
    }
    if (isGpr(a) && b instanceof Operand.Mem) {
      Operand t = a;
      a = b;
      b = t;
    }
    if (!isRm(a) || !isGpr(b)) {
      throw invalid();
    }
    prefixes(size, a);
    pass.emit(size == 1 ? 0x86 : 0x87);
    modRm.emit(gpr(b).number, a);
  }

  private void lea() {
    operandCount(2);
    if (!isGpr(ops.get(0)) || !(ops.get(1) instanceof Operand.Mem m) || gpr(ops.get(0)).size == 1) {
      throw invalid();
    }
    prefixes(gpr(ops.get(0)).size, m);
    pass.emit(0x8D);
    modRm.emit(gpr(ops.get(0)).number, m);
  }

  private void extend(int opcode) {
    operandCount(2);
    Operand dst = ops.get(0);
    Operand src = rmOperand(1);
    if (!isGpr(dst) || gpr(dst).size == 1) {
      throw invalid();
    }
    int srcSize = sizeOf(src);
    if (srcSize == 0) {
      throw new SyntaxError("size of the source operand of " + mnemonic + " not specified");
    }
    if (srcSize >= gpr(dst).size) {
      throw invalid();
    }
    prefixes(gpr(dst).size, src);
    pass.emit(0x0F);
    pass.emit(srcSize == 1 ? opcode : opcode + 1);
    modRm.emit(gpr(dst).number, src);
  }

  /** reg, r/m with the two-byte opcode 0F opcode; the register must be 16 or 32 bits. */
  private void regRm(int opcode) {
    operandCount(2);
    Operand dst = ops.get(0);
    Operand src = rmOperand(1);
    if (!isGpr(dst)) {
      throw invalid();
    }
    int size = matchSizes(dst, src);
    if (size == 1) {
      throw invalid();
    }
    prefixes(size, src);
    pass.emit(0x0F);
    pass.emit(opcode);
    modRm.emit(gpr(dst).number, src);
  }

  /** r/m, reg with 0F opcode (byte) / 0F opcode+1 (word, dword): xadd, cmpxchg. */
  private void rmReg(int opcode) {
    operandCount(2);
    Operand dst = rmOperand(0);
    Operand src = ops.get(1);
    if (!isGpr(src)) {
      throw invalid();
    }
    int size = matchSizes(dst, src);
    prefixes(size, dst);
    pass.emit(0x0F);
    pass.emit(size == 1 ? opcode : opcode + 1);
    modRm.emit(gpr(src).number, dst);
  }

  private void bswap() {
    operandCount(1);
    if (!isGpr(ops.get(0)) || gpr(ops.get(0)).size != 4) {
      throw new SyntaxError("bswap needs a 32-bit register");
    }
    prefixes(4, null);
    pass.emit(0x0F);
    pass.emit(0xC8 + gpr(ops.get(0)).number);
  }

  private void arpl() {
    operandCount(2);
    Operand dst = rmOperand(0);
    Operand src = ops.get(1);
    if (!isGpr(src) || matchSizes(dst, src) != 2) {
      throw invalid();
    }
    prefixes(0, dst);
    pass.emit(0x63);
    modRm.emit(gpr(src).number, dst);
  }

  private void farLoad(int[] opcode) {
    operandCount(2);
    if (!isGpr(ops.get(0)) || !(ops.get(1) instanceof Operand.Mem m) || gpr(ops.get(0)).size == 1) {
      throw invalid();
    }
    prefixes(gpr(ops.get(0)).size, m);
    for (int b : opcode) {
      pass.emit(b);
    }
    modRm.emit(gpr(ops.get(0)).number, m);
  }

  private void enter() {
    operandCount(2);
    prefixes(insn.prefixes().operandSize(), null);
    pass.emit(0xC8);
    immediate(pass.value(imm(0).value()), 2);
    immediate(pass.value(imm(1).value()), 1);
  }

  private void asciiAdjust(int opcode) {
    pass.emit(opcode);
    if (ops.isEmpty()) {
      pass.emit(0x0A);
    } else {
      operandCount(1);
      immediate(pass.value(imm(0).value()), 1);
    }
  }

  private void plain(int[] entry) {
    operandCount(0);
    int sizeCode = entry[0];
    int size = sizeCode == 1 ? 0 : sizeCode == 0 ? insn.prefixes().operandSize() : sizeCode;
    prefixes(size, null);
    for (int i = 1; i < entry.length; i++) {
      pass.emit(entry[i]);
    }
  }

  private void interrupt() {
    operandCount(1);
    prefixes(0, null);
    pass.emit(0xCD);
    immediate(pass.value(imm(0).value()), 1);
  }

  private void ret(int plainOpcode, int immOpcode) {
    prefixes(insn.prefixes().operandSize(), null);
    if (ops.isEmpty()) {
      pass.emit(plainOpcode);
    } else {
      operandCount(1);
      pass.emit(immOpcode);
      immediate(pass.value(imm(0).value()), 2);
    }
  }

  private void in() {
    operandCount(2);
    Operand dst = ops.get(0);
    if (!(dst instanceof Operand.Reg(Register r)) || !r.isGpr() || r.number != 0) {
      throw new SyntaxError("in needs al, ax or eax as destination");
    }
    portOp(r.size, ops.get(1), 0xE4, 0xEC);
  }

  private void out() {
    operandCount(2);
    Operand src = ops.get(1);
    if (!(src instanceof Operand.Reg(Register r)) || !r.isGpr() || r.number != 0) {
      throw new SyntaxError("out needs al, ax or eax as source");
    }
    portOp(r.size, ops.get(0), 0xE6, 0xEE);
  }

  private void portOp(int size, Operand port, int immOpcode, int dxOpcode) {
    prefixes(size, null);
    int w = size == 1 ? 0 : 1;
    if (port instanceof Operand.Reg(Register r) && r == Register.DX) {
      pass.emit(dxOpcode + w);
    } else if (port instanceof Operand.Imm imm) {
      long v = pass.value(imm.value());
      if (v < 0 || v > 0xFF) {
        pass.problem("port number " + v + " does not fit in 8 bits; use dx");
      }
      pass.emit(immOpcode + w);
      pass.emit(v, 1);
    } else {
      throw new SyntaxError("the port must be dx or an 8-bit immediate");
    }
  }

  // ---------------------------------------------------------------- control transfer

  private void jmp() {
    operandCount(1);
    Operand o = ops.get(0);
    switch (o) {
      case Operand.Imm imm -> {
        if ("far".equals(imm.distance())) {
          throw new SyntaxError("a far jump needs segment:offset or a memory operand");
        }
        relative(imm, new int[] {0xEB}, new int[] {0xE9});
      }
      case Operand.FarPointer fp -> farDirect(0xEA, fp);
      default -> indirect(o, 4);
    }
  }

  private void call() {
    operandCount(1);
    Operand o = ops.get(0);
    switch (o) {
      case Operand.Imm imm -> {
        if ("short".equals(imm.distance()) || "far".equals(imm.distance())) {
          throw new SyntaxError("call takes a near target, segment:offset or a memory operand");
        }
        relative(imm, null, new int[] {0xE8});
      }
      case Operand.FarPointer fp -> farDirect(0x9A, fp);
      default -> indirect(o, 2);
    }
  }

  private void jump(int shortOpcode, int[] nearOpcode) {
    operandCount(1);
    relative(imm(0), new int[] {shortOpcode}, nearOpcode);
  }

  /** A relative branch: short (rel8) if allowed and in range, else near (rel16/rel32). */
  private void relative(Operand.Imm target, int @Nullable [] shortOpcode, int[] nearOpcode) {
    long to = pass.value(target.value());
    int relSize = insn.prefixes().operandSize() != 0 ? insn.prefixes().operandSize() : pass.defaultSize();
    prefixes(relSize, null);
    long start = pass.address();
    boolean wantShort = "short".equals(target.distance());
    boolean allowShort = shortOpcode != null && !"near".equals(target.distance());
    if (shortOpcode != null && allowShort) {
      long rel = to - (start + shortOpcode.length + 1);
      boolean fits = rel >= -128 && rel <= 127;
      if (wantShort || pass.chooseShort(fits)) {
        if (!fits) {
          pass.problem("short jump out of range (distance " + rel + ")");
        }
        emitAll(shortOpcode);
        pass.emit(rel, 1);
        return;
      }
    }
    if (wantShort) {
      throw invalid();
    }
    emitAll(nearOpcode);
    long rel = to - (start + nearOpcode.length + relSize);
    pass.emit(rel, relSize);
  }

  private void shortOnly(int opcode, int counterSize) {
    operandCount(1);
    Operand.Imm target = imm(0);
    long to = pass.value(target.value());
    int addressSize = counterSize != 0 ? counterSize : insn.prefixes().addressSize();
    if (addressSize != 0 && addressSize != pass.defaultSize()) {
      pass.emit(0x67);
    }
    long rel = to - (pass.address() + 2);
    if (rel < -128 || rel > 127) {
      pass.problem(mnemonic + " target out of range (distance " + rel + ")");
    }
    pass.emit(opcode);
    pass.emit(rel, 1);
  }

  private void farDirect(int opcode, Operand.FarPointer fp) {
    int size = fp.size() != 0 ? fp.size() : insn.prefixes().operandSize() != 0 ? insn.prefixes().operandSize() : pass.defaultSize();
    if (size == 1) {
      throw invalid();
    }
    prefixes(size, null);
    pass.emit(opcode);
    immediate(pass.value(fp.offset()), size);
    immediate(pass.value(fp.segment()), 2);
  }

  /** jmp/call through a register or memory: FF /n near, FF /n+1 far (memory with far). */
  private void indirect(Operand o, int n) {
    if (o instanceof Operand.Reg(Register r)) {
      if (!r.isGpr() || r.size == 1) {
        throw invalid();
      }
      prefixes(r.size, o);
      pass.emit(0xFF);
      modRm.emit(n, o);
    } else if (o instanceof Operand.Mem m) {
      int size = m.size() != 0 ? m.size() : pass.defaultSize();
      if (m.far() && m.size() == 4 && pass.defaultSize() == 2) {
        size = 2; // "far dword [x]" in 16-bit code: a 16:16 pointer
      }
      prefixes(size, m);
      pass.emit(0xFF);
      modRm.emit(m.far() ? n + 1 : n, m);
    } else {
      throw invalid();
    }
  }

  // ---------------------------------------------------------------- operand helpers

  private void operandCount(int n) {
    if (ops.size() != n) {
      throw new SyntaxError("'" + mnemonic + "' takes " + n + " operand" + (n == 1 ? "" : "s") + ", not " + ops.size());
    }
  }

  private SyntaxError invalid() {
    return new SyntaxError("invalid combination of operands for '" + mnemonic + "'");
  }

  private Operand rmOperand(int i) {
    Operand o = ops.get(i);
    if (!isRm(o)) {
      throw invalid();
    }
    return o;
  }

  private Operand.Mem memOperand(int i) {
    if (!(ops.get(i) instanceof Operand.Mem m)) {
      throw new SyntaxError("'" + mnemonic + "' needs a memory operand");
    }
    return m;
  }

  private Operand.Imm imm(int i) {
    if (!(ops.get(i) instanceof Operand.Imm imm)) {
      throw invalid();
    }
    return imm;
  }

  private static boolean isGpr(Operand o) {
    return o instanceof Operand.Reg(Register r) && r.isGpr();
  }

  private static boolean isRm(Operand o) {
    return isGpr(o) || o instanceof Operand.Mem;
  }

  private static Register gpr(Operand o) {
    return ((Operand.Reg) o).register();
  }

  private static int sizeOf(Operand o) {
    return switch (o) {
      case Operand.Reg r -> r.register().size;
      case Operand.Mem m -> m.size();
      case Operand.Imm i -> i.size();
      case Operand.FarPointer f -> 0;
    };
  }

  private static int requireSize(int size) {
    if (size == 0) {
      throw new SyntaxError("operation size not specified (write byte, word or dword)");
    }
    return size;
  }

  private int matchSizes(Operand a, Operand b) {
    int sa = sizeOf(a);
    int sb = sizeOf(b);
    if (sa != 0 && sb != 0 && sa != sb) {
      throw new SyntaxError("operand sizes do not match for '" + mnemonic + "'");
    }
    return requireSize(sa != 0 ? sa : sb);
  }

  /** The size of an r/m destination receiving an immediate: the destination's, else the immediate's. */
  private static int immTargetSize(Operand dst, Operand.Imm imm) {
    int size = sizeOf(dst);
    return size != 0 ? size : imm.size();
  }

  private void immediate(long value, int size) {
    pass.checkFits(value, size, "immediate");
    pass.emit(value, size);
  }

  private void emitAll(int[] bytes) {
    for (int b : bytes) {
      pass.emit(b);
    }
  }

  private boolean isDirectAddress(Operand o) {
    return o instanceof Operand.Mem m && m.base() == null && m.index() == null;
  }

  private void directAddress(Operand.Mem m) {
    int asz = modRm.addressSize(m);
    Expression d = m.displacement();
    long v = d == null ? 0 : pass.value(d);
    pass.checkFits(v, asz, "address");
    pass.emit(v, asz);
  }

  // ---------------------------------------------------------------- prefixes and ModRM

  /**
   * Emits the prefixes: segment override, address size, operand size (for sizes 2 and 4 that differ
   * from the mode's default; 0 means the instruction has no size), lock and rep.
   */
  private void prefixes(int operandSize, @Nullable Operand rmOperand) {
    Operand.Mem m = rmOperand instanceof Operand.Mem mem ? mem : null;
    Register segment = m != null && m.segment() != null ? m.segment() : insn.prefixes().segment();
    if (segment != null) {
      pass.emit(segment.segmentPrefix());
    }
    boolean usesAddress = m != null || STRING_OPS.containsKey(mnemonic);
    int asz = modRm.addressSize(m);
    int explicitAsz = insn.prefixes().addressSize();
    boolean addressOverride =
        usesAddress ? asz != pass.defaultSize() : explicitAsz != 0 && explicitAsz != pass.defaultSize();
    if (addressOverride) {
      pass.emit(0x67);
    }
    if ((operandSize == 2 || operandSize == 4) && operandSize != pass.defaultSize()) {
      pass.emit(0x66);
    }
    if (insn.prefixes().lock()) {
      pass.emit(0xF0);
    }
    if (insn.prefixes().repeat() != 0) {
      pass.emit(insn.prefixes().repeat());
    }
  }
}
