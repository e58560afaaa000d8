package io.github.genova.platform.x86.jit;

import static io.github.genova.platform.x86.interp.DecodedBlock.*;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import io.github.genova.platform.x86.X86State;
import io.github.genova.platform.x86.interp.CompiledBlock;
import io.github.genova.platform.x86.interp.DecodedBlock;
import io.github.genova.platform.x86.interp.Interpreter;
import io.github.genova.platform.x86.interp.LazyFlags;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessFlag;
import org.jspecify.annotations.Nullable;

/**
 * Translates the fast micro-ops of a {@link DecodedBlock} into the class file of a {@link CompiledBlock}
 * whose {@code run} method does what the interpreter's micro-op loop does, instruction by instruction and in
 * the same order, with every operand field a constant:
 * <ul>
 *   <li>the guest registers the block uses live in JVM locals, loaded from the register file on entry and
 *       written back at every exit (a jump, the end of the covered prefix, a store into code, a fault);
 *   <li>memory goes through {@link Interpreter.Guest#read}/{@link Interpreter.Guest#write} (the
 *       interpreter's segment checks, TLB and self-modifying-code tracking), flags through the shared
 *       {@link LazyFlags}, jump targets through {@link Interpreter.Guest#checkCodeLimit};
 *   <li>a local holds the index of the running micro-op, which a catch-all handler reports through
 *       {@link Interpreter.Guest#faultAt} after writing the registers back, so a fault leaves the state the
 *       interpreter would leave and the interpreter delivers it.
 * </ul>
 * The translation covers the block up to its first {@link DecodedBlock#SLOW} instruction. Flag liveness
 * (as QEMU's translator tracks it) drops the flag record of an ALU, INC/DEC or TEST micro-op whose flags
 * nothing can observe: the next micro-ops only move registers, and then a register-only operation replaces
 * all six arithmetic flags, with no memory access (which could fault), jump or exit in between.
 */
final class BlockTranslator {
  private static final ClassDesc GUEST = Interpreter.Guest.class.describeConstable().orElseThrow();
  private static final ClassDesc FLAGS = LazyFlags.class.describeConstable().orElseThrow();
  private static final ClassDesc COMPILED_BLOCK = CompiledBlock.class.describeConstable().orElseThrow();
  private static final ClassDesc INT_ARRAY = CD_int.arrayType();
  private static final ClassDesc SELF = ClassDesc.of(BlockTranslator.class.getPackageName() + ".Block");
  private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_int, GUEST, CD_int);
  private static final MethodTypeDesc READ = MethodTypeDesc.of(CD_int, CD_int, CD_int, CD_int);
  private static final MethodTypeDesc WRITE = MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_int, CD_int);
  private static final MethodTypeDesc INT_TO_VOID = MethodTypeDesc.of(CD_void, CD_int);
  private static final MethodTypeDesc TO_BOOLEAN = MethodTypeDesc.of(CD_boolean);
  private static final MethodTypeDesc INT_TO_BOOLEAN = MethodTypeDesc.of(CD_boolean, CD_int);
  private static final MethodTypeDesc FOUR_INTS = MethodTypeDesc.of(CD_int, CD_int, CD_int, CD_int, CD_int);
  private static final MethodTypeDesc TWO_INTS = MethodTypeDesc.of(CD_int, CD_int, CD_int);
  private static final MethodTypeDesc TWO_INTS_TO_BOOLEAN = MethodTypeDesc.of(CD_boolean, CD_int, CD_int);

  // Local variable slots of run(Guest guest, int blockEip).
  private static final int GUEST_SLOT = 1;
  private static final int BLOCK_EIP = 2;
  private static final int REGISTERS = 3;
  private static final int FLAGS_SLOT = 4;
  /** The index of the running micro-op, read by the fault handler. */
  private static final int MICRO_OP = 5;
  /** Guest register i lives in slot REG + i. */
  private static final int REG = 6;
  private static final int OFFSET_TEMP = REG + 8;
  private static final int VALUE_TEMP = OFFSET_TEMP + 1;
  private static final int STACK_TEMP = VALUE_TEMP + 1;
  private static final int TARGET_TEMP = STACK_TEMP + 1;
  private static final int THROWN = TARGET_TEMP + 1;

  private final ClassFile classFile;

  BlockTranslator(MethodHandles.Lookup lookup) {
    classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
        ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(lookup))));
  }

  /** Returns how many micro-ops from the start of {@code block} precede its first SLOW one. */
  static int coveredPrefix(DecodedBlock block) {
    int k = 0;
    while (k < block.count() && block.field(k, OP) != SLOW) {
      k++;
    }
    return k;
  }

  /** Whether one of the first {@code covered} micro-ops pushes or pops. */
  static boolean usesStack(DecodedBlock block, int covered) {
    for (int k = 0; k < covered; k++) {
      switch (block.field(k, OP)) {
        case PUSH_R, POP_R, PUSH_IMM, CALL, RET -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  /** Returns the class file of a {@link CompiledBlock} for the first {@code covered} micro-ops. */
  byte[] translate(DecodedBlock block, int covered, int stackWidth) {
    return classFile.build(SELF, cb -> cb
        .withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER)
        .withSuperclass(COMPILED_BLOCK)
        .withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, code -> code
            .aload(0)
            .loadConstant(covered)
            .loadConstant(stackWidth)
            .invokespecial(COMPILED_BLOCK, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int, CD_int))
            .return_())
        .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
            code -> new Method(code, block, covered, stackWidth == 32).emit()));
  }

  /** The emitter of one {@code run} method. */
  private static final class Method {
    private final CodeBuilder code;
    private final DecodedBlock block;
    private final int covered;
    private final boolean stack32;
    private final boolean code32;
    /** Bit i set when the block reads or writes guest register i (loaded on entry). */
    private int used;
    /** Bit i set when the block may write guest register i (written back at exits). */
    private int written;
    /** Per micro-op: its flag results are overwritten before anything can observe them. */
    private boolean[] flagsDead = new boolean[0];
    /** Bound to the first micro-op: where a jump back to the block's own start continues. */
    private @Nullable Label top;
    private int k;

    Method(CodeBuilder code, DecodedBlock block, int covered, boolean stack32) {
      this.code = code;
      this.block = block;
      this.covered = covered;
      this.stack32 = stack32;
      this.code32 = block.code32();
    }

    private int f(int field) {
      return block.field(k, field);
    }

    void emit() {
      for (k = 0; k < covered; k++) {
        account();
      }
      used |= written;
      flagsDead = new boolean[covered];
      for (int i = 0; i < covered; i++) {
        flagsDead[i] = flagsDeadAfter(i);
      }
      code.aload(GUEST_SLOT).getfield(GUEST, "registers", INT_ARRAY).astore(REGISTERS);
      code.aload(GUEST_SLOT).getfield(GUEST, "flags", FLAGS).astore(FLAGS_SLOT);
      code.iconst_0().istore(MICRO_OP);
      for (int i = 0; i < 8; i++) {
        if ((used >>> i & 1) != 0) {
          code.aload(REGISTERS).loadConstant(i).iaload().istore(REG + i);
        } else {
          code.iconst_0().istore(REG + i);
        }
      }
      Label start = code.newLabel();
      Label end = code.newLabel();
      Label handler = code.newLabel();
      code.labelBinding(start);
      top = start;
      for (k = 0; k < covered; k++) {
        code.loadConstant(k).istore(MICRO_OP);
        instruction();
      }
      writeBack();
      code.loadConstant(covered).ireturn();
      code.labelBinding(end);
      code.labelBinding(handler);
      code.astore(THROWN);
      writeBack();
      code.aload(GUEST_SLOT).iload(MICRO_OP).invokevirtual(GUEST, "faultAt", INT_TO_VOID);
      code.aload(THROWN).athrow();
      code.exceptionCatchAll(start, end, handler);
    }

    // ------------------------------------------------------------------------------ register use

    private static int physical(int size, int reg) {
      return size == 1 && reg >= 4 ? reg - 4 : reg;
    }

    private void uses(int size, int reg) {
      used |= 1 << physical(size, reg);
    }

    private void writes(int size, int reg) {
      written |= 1 << physical(size, reg);
    }

    private void usesAddress() {
      if (f(BASE) >= 0) {
        used |= 1 << f(BASE);
      }
      if (f(INDEX) >= 0) {
        used |= 1 << f(INDEX);
      }
    }

    /** Notes the registers micro-op {@link #k} reads and writes. */
    private void account() {
      int size = f(SIZE);
      int x = f(X);
      boolean compare = false;
      switch (f(OP)) {
        case MOV_RR -> {
          uses(size, f(Y));
          writes(size, x);
        }
        case MOV_LOAD, LEA -> {
          usesAddress();
          writes(size, x);
        }
        case MOV_STORE -> {
          usesAddress();
          uses(size, x);
        }
        case MOV_R_IMM -> writes(size, x);
        case MOV_M_IMM, ALU_M_IMM -> usesAddress();
        case ALU_RR, ALU_R_M -> {
          compare = f(IMM) == 7;
          uses(size, x);
          if (f(OP) == ALU_RR) {
            uses(size, f(Y));
          } else {
            usesAddress();
          }
        }
        case ALU_M_R -> {
          usesAddress();
          uses(size, x);
        }
        case ALU_R_IMM -> {
          compare = f(Y) == 7;
          uses(size, x);
        }
        case INC_R, DEC_R, POP_R -> writes(size, x);
        case PUSH_R -> uses(size, x);
        case TEST_RR -> {
          uses(size, x);
          uses(size, f(Y));
        }
        case TEST_R_IMM -> uses(size, x);
        case MOVX_R -> {
          uses(f(IMM) & 0xff, f(Y));
          writes(size, x);
        }
        case MOVX_M -> {
          usesAddress();
          writes(size, x);
        }
        default -> { }
      }
      if (!compare && (f(OP) == ALU_RR || f(OP) == ALU_R_M || f(OP) == ALU_R_IMM)) {
        writes(size, x);
      }
      switch (f(OP)) {
        case PUSH_R, POP_R, PUSH_IMM, CALL, RET -> written |= 1 << X86State.ESP;
        default -> { }
      }
    }

    private void writeBack() {
      for (int i = 0; i < 8; i++) {
        if ((written >>> i & 1) != 0) {
          code.aload(REGISTERS).loadConstant(i).iload(REG + i).iastore();
        }
      }
    }

    // ------------------------------------------------------------------------------ flag liveness

    /** The ALU operation of an ALU micro-op (0..7: ADD OR ADC SBB AND SUB XOR CMP), or -1. */
    private int aluOperation(int i) {
      return switch (block.field(i, OP)) {
        case ALU_RR, ALU_R_M, ALU_M_R -> block.field(i, IMM);
        case ALU_R_IMM, ALU_M_IMM -> block.field(i, Y);
        default -> -1;
      };
    }

    /** Whether micro-op {@code i} replaces all six arithmetic flags without reading them or touching memory. */
    private boolean replacesFlagsInRegisters(int i) {
      int op = block.field(i, OP);
      int alu = aluOperation(i);
      return ((op == ALU_RR || op == ALU_R_IMM) && alu != 2 && alu != 3) || op == TEST_RR || op == TEST_R_IMM;
    }

    /** Whether the flags micro-op {@code i} produces are replaced before anything can observe them. */
    private boolean flagsDeadAfter(int i) {
      for (int j = i + 1; j < covered; j++) {
        if (replacesFlagsInRegisters(j)) {
          return true;
        }
        switch (block.field(j, OP)) {
          case MOV_RR, MOV_R_IMM, LEA, MOVX_R, NOP -> { }
          default -> {
            return false;
          }
        }
      }
      return false;
    }

    // ------------------------------------------------------------------------------ operands

    /** Pushes guest register {@code reg} of width {@code size} bytes, zero-extended. */
    private void readReg(int size, int reg) {
      switch (size) {
        case 4 -> code.iload(REG + reg);
        case 2 -> code.iload(REG + reg).loadConstant(0xffff).iand();
        default -> {
          if (reg < 4) {
            code.iload(REG + reg).loadConstant(0xff).iand();
          } else {
            code.iload(REG + reg - 4).bipush(8).iushr().loadConstant(0xff).iand();
          }
        }
      }
    }

    /** Pops a value into guest register {@code reg} of width {@code size} bytes (the rest unchanged). */
    private void writeReg(int size, int reg) {
      switch (size) {
        case 4 -> code.istore(REG + reg);
        case 2 -> code.loadConstant(0xffff).iand()
            .iload(REG + reg).loadConstant(0xffff_0000).iand().ior().istore(REG + reg);
        default -> {
          if (reg < 4) {
            code.loadConstant(0xff).iand().iload(REG + reg).loadConstant(~0xff).iand().ior().istore(REG + reg);
          } else {
            code.loadConstant(0xff).iand().bipush(8).ishl()
                .iload(REG + reg - 4).loadConstant(~0xff00).iand().ior().istore(REG + reg - 4);
          }
        }
      }
    }

    /** Pushes the effective address (offset in its segment) of the micro-op's memory operand. */
    private void effectiveAddress() {
      code.loadConstant(f(DISP));
      if (f(BASE) >= 0) {
        code.iload(REG + f(BASE)).iadd();
      }
      if (f(INDEX) >= 0) {
        code.iload(REG + f(INDEX));
        if (f(SCALE) != 0) {
          code.loadConstant(f(SCALE)).ishl();
        }
        code.iadd();
      }
      if (f(AMASK) != -1) {
        code.loadConstant(f(AMASK)).iand();
      }
    }

    /** Pushes the value read at the offset in {@link #OFFSET_TEMP}. */
    private void readAtOffset(int size) {
      code.aload(GUEST_SLOT).loadConstant(f(SEG)).iload(OFFSET_TEMP).loadConstant(size)
          .invokevirtual(GUEST, "read", READ);
    }

    private void read(int size) {
      effectiveAddress();
      code.istore(OFFSET_TEMP);
      readAtOffset(size);
    }

    /** Writes the value in {@link #VALUE_TEMP} at the offset in {@link #OFFSET_TEMP}. */
    private void writeAtOffset(int size) {
      code.aload(GUEST_SLOT).loadConstant(f(SEG)).iload(OFFSET_TEMP).loadConstant(size).iload(VALUE_TEMP)
          .invokevirtual(GUEST, "write", WRITE);
    }

    /** Writes the value on the operand stack to the micro-op's memory operand. */
    private void store(int size) {
      code.istore(VALUE_TEMP);
      effectiveAddress();
      code.istore(OFFSET_TEMP);
      writeAtOffset(size);
    }

    /** Pushes SP or ESP, as SS.B says. */
    private void stackPointer() {
      code.iload(REG + X86State.ESP);
      if (!stack32) {
        code.loadConstant(0xffff).iand();
      }
    }

    /** Pops a new stack-pointer value into ESP (SP alone for a 16-bit stack). */
    private void setStackPointer() {
      if (stack32) {
        code.istore(REG + X86State.ESP);
      } else {
        code.loadConstant(0xffff).iand()
            .iload(REG + X86State.ESP).loadConstant(0xffff_0000).iand().ior().istore(REG + X86State.ESP);
      }
    }

    /** Pushes the value on the operand stack onto the guest stack. */
    private void push(int size) {
      code.istore(VALUE_TEMP);
      stackPointer();
      code.loadConstant(size).isub();
      if (!stack32) {
        code.loadConstant(0xffff).iand();
      }
      code.istore(STACK_TEMP);
      code.aload(GUEST_SLOT).loadConstant(X86State.SS).iload(STACK_TEMP).loadConstant(size).iload(VALUE_TEMP)
          .invokevirtual(GUEST, "write", WRITE);
      code.iload(STACK_TEMP);
      setStackPointer();
    }

    /** Pushes the value at the top of the guest stack (without popping). */
    private void peek(int size) {
      code.aload(GUEST_SLOT).loadConstant(X86State.SS);
      stackPointer();
      code.loadConstant(size).invokevirtual(GUEST, "read", READ);
    }

    /** Drops {@code size} bytes from the guest stack. */
    private void release(int size) {
      stackPointer();
      code.loadConstant(size).iadd();
      setStackPointer();
    }

    /** Pushes EIP after the micro-op. */
    private void instructionEnd() {
      code.iload(BLOCK_EIP).loadConstant(f(DecodedBlock.OFFSET) + f(LEN)).iadd();
      if (!code32) {
        code.loadConstant(0xffff).iand();
      }
    }

    /** Leaves the block: writes registers back and returns "ended after micro-op k". */
    private void exitEnded() {
      writeBack();
      code.loadConstant(~(k + 1)).ireturn();
    }

    /** Ends the block after the micro-op when its store hit a page with decoded code. */
    private void endOnStoreIntoCode() {
      Label go = code.newLabel();
      code.aload(GUEST_SLOT).invokevirtual(GUEST, "storeHitCode", TO_BOOLEAN).ifeq(go);
      code.aload(GUEST_SLOT);
      instructionEnd();
      code.invokevirtual(GUEST, "jump", INT_TO_VOID);
      exitEnded();
      code.labelBinding(go);
    }

    /**
     * Jumps to the target on the operand stack (masked to 16 bits for a 16-bit operand size). A jump back to
     * the block's own start loops inside the method while {@link Interpreter.Guest#loopAgain} allows it.
     */
    private void jumpToTarget(int size) {
      if (size == 2) {
        code.loadConstant(0xffff).iand();
      }
      code.istore(VALUE_TEMP);
      code.aload(GUEST_SLOT).iload(VALUE_TEMP).invokevirtual(GUEST, "checkCodeLimit", INT_TO_VOID);
      Label loop = top;
      if (loop != null && jumpsToBlockStart(size)) {
        // 16-bit code entered with EIP above 0xffff wraps elsewhere: compare with the real start.
        Label leave = code.newLabel();
        code.iload(VALUE_TEMP).iload(BLOCK_EIP).if_icmpne(leave);
        code.aload(GUEST_SLOT).loadConstant(k + 1).loadConstant(covered)
            .invokevirtual(GUEST, "loopAgain", TWO_INTS_TO_BOOLEAN).ifne(loop);
        code.labelBinding(leave);
      }
      code.aload(GUEST_SLOT).iload(VALUE_TEMP).invokevirtual(GUEST, "jump", INT_TO_VOID);
      exitEnded();
    }

    /**
     * Whether the relative jump of micro-op {@link #k} lands on the block's first instruction whatever EIP
     * the block starts at: the displacement cancels the distance, and EIP wraps as the target does.
     */
    private boolean jumpsToBlockStart(int size) {
      int distance = f(DecodedBlock.OFFSET) + f(LEN) + f(IMM);
      return code32 ? size == 4 && distance == 0 : size == 2 && (distance & 0xffff) == 0;
    }

    /** Calls {@link LazyFlags#alu} on the flags, operation and two operands already pushed. */
    private void alu(int size) {
      code.loadConstant(size).invokevirtual(FLAGS, "alu", FOUR_INTS);
    }

    /**
     * An ALU operation (not ADC/SBB) on a register whose flags are dead: the result alone, truncated by the
     * register write as the flag record would truncate it.
     */
    private void aluWithoutFlags(int aluOp, int size, int x) {
      if (aluOp == 7) {
        return;
      }
      readReg(size, x);
      if (f(OP) == ALU_RR) {
        readReg(size, f(Y));
      } else {
        code.loadConstant(f(IMM));
      }
      switch (aluOp) {
        case 0 -> code.iadd();
        case 1 -> code.ior();
        case 4 -> code.iand();
        case 5 -> code.isub();
        default -> code.ixor();
      }
      writeReg(size, x);
    }

    /** Emits micro-op {@link #k}. */
    private void instruction() {
      int size = f(SIZE);
      int x = f(X);
      switch (f(OP)) {
        case MOV_RR -> {
          readReg(size, f(Y));
          writeReg(size, x);
        }
        case MOV_LOAD -> {
          read(size);
          writeReg(size, x);
        }
        case MOV_STORE -> {
          readReg(size, x);
          store(size);
          endOnStoreIntoCode();
        }
        case MOV_R_IMM -> {
          code.loadConstant(f(IMM));
          writeReg(size, x);
        }
        case MOV_M_IMM -> {
          code.loadConstant(f(IMM));
          store(size);
          endOnStoreIntoCode();
        }
        case ALU_RR, ALU_R_IMM -> {
          int aluOp = aluOperation(k);
          if (flagsDead[k] && aluOp != 2 && aluOp != 3) {
            aluWithoutFlags(aluOp, size, x);
            return;
          }
          code.aload(FLAGS_SLOT).loadConstant(aluOp);
          readReg(size, x);
          if (f(OP) == ALU_RR) {
            readReg(size, f(Y));
          } else {
            code.loadConstant(f(IMM));
          }
          alu(size);
          if (aluOp != 7) {
            writeReg(size, x);
          } else {
            code.pop();
          }
        }
        case ALU_R_M -> {
          int aluOp = f(IMM);
          code.aload(FLAGS_SLOT).loadConstant(aluOp);
          readReg(size, x);
          read(size);
          alu(size);
          if (aluOp != 7) {
            writeReg(size, x);
          } else {
            code.pop();
          }
        }
        case ALU_M_R, ALU_M_IMM -> {
          int aluOp = f(OP) == ALU_M_IMM ? f(Y) : f(IMM);
          effectiveAddress();
          code.istore(OFFSET_TEMP);
          code.aload(FLAGS_SLOT).loadConstant(aluOp);
          readAtOffset(size);
          if (f(OP) == ALU_M_R) {
            readReg(size, x);
          } else {
            code.loadConstant(f(IMM));
          }
          alu(size);
          if (aluOp != 7) {
            code.istore(VALUE_TEMP);
            writeAtOffset(size);
            endOnStoreIntoCode();
          } else {
            code.pop();
          }
        }
        case INC_R, DEC_R -> {
          if (flagsDead[k]) {
            readReg(size, x);
            code.loadConstant(f(OP) == INC_R ? 1 : -1).iadd();
            writeReg(size, x);
            return;
          }
          code.aload(FLAGS_SLOT);
          readReg(size, x);
          code.loadConstant(size * 8).invokevirtual(FLAGS, f(OP) == INC_R ? "inc" : "dec", TWO_INTS);
          writeReg(size, x);
        }
        case PUSH_R -> {
          readReg(size, x);
          push(size);
          endOnStoreIntoCode();
        }
        case PUSH_IMM -> {
          code.loadConstant(f(IMM));
          push(size);
          endOnStoreIntoCode();
        }
        case POP_R -> {
          peek(size);
          code.istore(VALUE_TEMP);
          release(size);
          code.iload(VALUE_TEMP);
          writeReg(size, x);
        }
        case JCC -> {
          Label notTaken = code.newLabel();
          code.aload(FLAGS_SLOT).loadConstant(x).invokevirtual(FLAGS, "condition", INT_TO_BOOLEAN).ifeq(notTaken);
          instructionEnd();
          code.loadConstant(f(IMM)).iadd();
          jumpToTarget(size);
          code.labelBinding(notTaken);
        }
        case JMP -> {
          instructionEnd();
          code.loadConstant(f(IMM)).iadd();
          jumpToTarget(size);
        }
        case CALL -> {
          instructionEnd();
          code.dup().istore(OFFSET_TEMP);
          code.loadConstant(f(IMM)).iadd();
          if (size == 2) {
            code.loadConstant(0xffff).iand();
          }
          code.istore(TARGET_TEMP);
          code.aload(GUEST_SLOT).iload(TARGET_TEMP).invokevirtual(GUEST, "checkCodeLimit", INT_TO_VOID);
          code.iload(OFFSET_TEMP);
          push(size);
          code.aload(GUEST_SLOT).iload(TARGET_TEMP).invokevirtual(GUEST, "jump", INT_TO_VOID);
          exitEnded();
        }
        case RET -> {
          peek(size);
          if (size == 2) {
            code.loadConstant(0xffff).iand();
          }
          code.istore(OFFSET_TEMP);
          code.aload(GUEST_SLOT).iload(OFFSET_TEMP).invokevirtual(GUEST, "checkCodeLimit", INT_TO_VOID);
          release(size);
          code.aload(GUEST_SLOT).iload(OFFSET_TEMP).invokevirtual(GUEST, "jump", INT_TO_VOID);
          exitEnded();
        }
        case LEA -> {
          effectiveAddress();
          writeReg(size, x);
        }
        case TEST_RR, TEST_R_IMM -> {
          if (flagsDead[k]) {
            return;
          }
          code.aload(FLAGS_SLOT);
          readReg(size, x);
          if (f(OP) == TEST_RR) {
            readReg(size, f(Y));
          } else {
            code.loadConstant(f(IMM));
          }
          code.iand().loadConstant(size * 8).invokevirtual(FLAGS, "logic", TWO_INTS).pop();
        }
        case MOVX_R, MOVX_M -> {
          int form = f(IMM);
          int sourceSize = form & 0xff;
          if (f(OP) == MOVX_R) {
            readReg(sourceSize, f(Y));
          } else {
            read(sourceSize);
          }
          if ((form & 0x100) != 0) {
            if (sourceSize == 1) {
              code.i2b();
            } else {
              code.i2s();
            }
          }
          writeReg(size, x);
        }
        case NOP -> { }
        default -> throw new IllegalArgumentException("micro-op kind " + f(OP) + " is not translated");
      }
    }
  }
}
