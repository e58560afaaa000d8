package io.github.genova.platform.x86.jit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random x86 program made of the instructions the block decoder's fast path covers (MOV, the ALU group,
 * INC/DEC, PUSH/POP, LEA, TEST, MOVZX/MOVSX, NOP, Jcc, JMP, CALL/RET) in 8/16/32-bit forms with register and
 * memory operands, plus a few instructions it leaves to the general path (shifts, CLC/CMC, PUSHF), so
 * blocks end in SLOW records too. Layout, at {@link #CODE}:
 * <pre>
 *   mov (e)cx, N
 * loop: body; call sub (in half of the programs); dec (e)cx; jnz loop; hlt
 * sub:  body; ret
 * </pre>
 * Bodies write only EAX, EDX, EBP (and AL, AH, DL, DH); ESI and EDI hold data addresses, EBX a small index,
 * (E)CX the loop count; memory operands stay in the data page at {@link #DATA}, pushes and pops pair up.
 * Jcc and JMP skip forward over the next instruction.
 */
final class RandomProgram {
  /** Where the code goes (linear = physical). */
  static final int CODE = 0x1000;
  /** The data page: in real mode DS = 0x2000, in flat protected mode ESI/EDI point into it. */
  static final int DATA = 0x2_0000;
  /** Initial stack pointer (the page below it is the stack). */
  static final int STACK_TOP = 0x8000;

  private static final int[] WIDE_DESTINATIONS = {0, 2, 5};
  private static final int[] BYTE_DESTINATIONS = {0, 2, 4, 6};

  private final SplittableRandom random;
  private final boolean code32;

  private RandomProgram(SplittableRandom random, boolean code32) {
    this.random = random;
    this.code32 = code32;
  }

  /** Returns the machine code of a random program for 32-bit ({@code code32}) or 16-bit code. */
  static byte[] generate(SplittableRandom random, boolean code32) {
    return new RandomProgram(random, code32).build();
  }

  private byte[] build() {
    List<byte[]> loopBody = body(5 + random.nextInt(30));
    List<byte[]> subBody = body(random.nextInt(12));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // mov (e)cx, N
    out.write(0xb9);
    immediate(out, 2 + random.nextInt(12), code32 ? 4 : 2);
    int loopStart = out.size();
    loopBody.forEach(out::writeBytes);
    int callAt = out.size();
    // Half the loops call the subroutine; the others are tight loops, whose block jumps to its own start.
    boolean call = random.nextBoolean();
    int callLength = call ? 1 + (code32 ? 4 : 2) : 0;
    int afterLoop = callAt + callLength + 1 + (code32 ? 6 : 4) + 1;
    int subStart = afterLoop;
    if (call) {
      out.write(0xe8);
      immediate(out, subStart - (callAt + callLength), code32 ? 4 : 2);
    }
    out.write(0x49);
    // jnz loop (near form)
    int jnzEnd = out.size() + (code32 ? 6 : 4);
    out.write(0x0f);
    out.write(0x85);
    immediate(out, loopStart - jnzEnd, code32 ? 4 : 2);
    out.write(0xf4);
    subBody.forEach(out::writeBytes);
    out.write(0xc3);
    return out.toByteArray();
  }

  private static void immediate(ByteArrayOutputStream out, int value, int size) {
    for (int i = 0; i < size; i++) {
      out.write(value >>> (8 * i));
    }
  }

  private List<byte[]> body(int length) {
    List<byte[]> body = new ArrayList<>();
    while (body.size() < length) {
      int choice = random.nextInt(100);
      if (choice < 6 && !body.isEmpty()) {
        // Jcc or JMP over the next instruction.
        byte[] next = instruction();
        int cc = random.nextInt(16);
        if (random.nextInt(4) == 0) {
          body.add(new byte[] {(byte) 0xeb, (byte) next.length});
        } else if (random.nextBoolean()) {
          body.add(new byte[] {(byte) (0x70 | cc), (byte) next.length});
        } else {
          byte[] near = new byte[code32 ? 6 : 4];
          near[0] = 0x0f;
          near[1] = (byte) (0x80 | cc);
          near[2] = (byte) next.length;
          body.add(near);
        }
        body.add(next);
      } else if (choice < 12) {
        // push ...; up to two other instructions; pop ... (of the same size, so RET finds its address)
        int size = random.nextBoolean() ? 2 : 4;
        body.add(random.nextBoolean() ? sized(0x50 | random.nextInt(8), size) : pushImmediate(size));
        for (int n = random.nextInt(3); n > 0; n--) {
          body.add(instruction());
        }
        body.add(sized(0x58 | WIDE_DESTINATIONS[random.nextInt(3)], size));
      } else if (choice < 16) {
        body.add(slow());
      } else {
        body.add(instruction());
      }
    }
    return body;
  }

  /** An operand-size prefix when the size differs from the code's default; 1-byte forms need none. */
  private int size() {
    int r = random.nextInt(3);
    return r == 0 ? 1 : r == 1 ? 2 : 4;
  }

  private boolean needsPrefix(int size) {
    return size != 1 && (size == 4) != code32;
  }

  /** A one-byte opcode at a 16 or 32-bit operand size. */
  private byte[] sized(int opcode, int size) {
    return needsPrefix(size) ? new byte[] {0x66, (byte) opcode} : new byte[] {(byte) opcode};
  }

  private byte[] pushImmediate(int size) {
    Bytes b = new Bytes();
    if (needsPrefix(size)) {
      b.add(0x66);
    }
    if (random.nextBoolean()) {
      b.add(0x6a).add(random.nextInt(256));
    } else {
      b.add(0x68).imm(random.nextInt(), size);
    }
    return b.bytes();
  }

  private byte[] slow() {
    return switch (random.nextInt(5)) {
      case 0 -> new byte[] {(byte) 0xd1, (byte) 0xe0};
      case 1 -> new byte[] {(byte) 0xf8};
      case 2 -> new byte[] {(byte) 0xf5};
      case 3 -> new byte[] {(byte) 0xf7, (byte) 0xda};
      default -> new byte[] {(byte) 0x9c, 0x58};
    };
  }

  private int destination(int size) {
    return size == 1 ? BYTE_DESTINATIONS[random.nextInt(4)] : WIDE_DESTINATIONS[random.nextInt(3)];
  }

  /** Appends a ModR/M memory operand (with the register field {@code reg}) in the data page. */
  private void memory(Bytes b, int reg) {
    int form = random.nextInt(4);
    int disp = random.nextInt(0x78);
    if (code32) {
      switch (form) {
        case 0 -> b.add(0x40 | reg << 3 | 6).add(disp);
        case 1 -> b.add(0x80 | reg << 3 | 7).imm(disp * 8, 4);
        case 2 -> b.add(0x40 | reg << 3 | 4).add(random.nextInt(4) << 6 | 3 << 3 | 6).add(disp);
        default -> b.add(reg << 3 | 5).imm(DATA + disp * 16, 4);
      }
    } else {
      switch (form) {
        case 0 -> b.add(0x40 | reg << 3 | 4).add(disp);
        case 1 -> b.add(0x80 | reg << 3 | 5).imm(disp * 8, 2);
        case 2 -> b.add(0x40 | reg << 3).add(disp);
        default -> b.add(reg << 3 | 6).imm(disp * 16, 2);
      }
    }
  }

  private byte[] instruction() {
    Bytes b = new Bytes();
    int size = size();
    if (needsPrefix(size)) {
      b.add(0x66);
    }
    int wide = size == 1 ? 0 : 1;
    int kind = random.nextInt(16);
    int aluOp = random.nextInt(8);
    switch (kind) {
      case 0 -> b.add(0x88 | wide).add(0xc0 | random.nextInt(8) << 3 | destination(size));
      case 1 -> {
        b.add(0x8a | wide);
        memory(b, destination(size));
      }
      case 2 -> {
        b.add(0x88 | wide);
        memory(b, random.nextInt(8));
      }
      case 3 -> b.add(size == 1 ? 0xb0 | destination(1) : 0xb8 | destination(size)).imm(random.nextInt(), size);
      case 4 -> {
        b.add(0xc6 | wide);
        memory(b, 0);
        b.imm(random.nextInt(), size);
      }
      case 5 -> b.add(aluOp << 3 | wide).add(0xc0 | random.nextInt(8) << 3 | destination(size));
      case 6 -> {
        b.add(aluOp << 3 | 2 | wide);
        memory(b, destination(size));
      }
      case 7 -> {
        b.add(aluOp << 3 | wide);
        memory(b, random.nextInt(8));
      }
      case 8 -> {
        int form = random.nextInt(3);
        if (form == 0) {
          b.add(aluOp << 3 | 4 | wide).imm(random.nextInt(), size);
        } else if (form == 1 || size == 1) {
          b.add(0x80 | wide).add(0xc0 | aluOp << 3 | destination(size)).imm(random.nextInt(), size);
        } else {
          b.add(0x83).add(0xc0 | aluOp << 3 | destination(size)).add(random.nextInt(256));
        }
      }
      case 9 -> {
        int opcode = size == 1 ? 0x80 : random.nextBoolean() ? 0x81 : 0x83;
        b.add(opcode);
        memory(b, aluOp);
        b.imm(random.nextInt(), opcode == 0x81 ? size : 1);
      }
      case 10 -> {
        if (size == 1) {
          b.add(0x90);
        } else {
          b.add((random.nextBoolean() ? 0x40 : 0x48) | destination(size));
        }
      }
      case 11 -> {
        b.add(0x8d);
        memory(b, destination(size == 1 ? 4 : size));
      }
      case 12 -> b.add(0x84 | wide).add(0xc0 | random.nextInt(64));
      case 13 -> {
        if (random.nextBoolean()) {
          b.add(0xa8 | wide).imm(random.nextInt(), size);
        } else {
          b.add(0xf6 | wide).add(0xc0 | random.nextInt(8)).imm(random.nextInt(), size);
        }
      }
      default -> {
        int dst = destination(size == 1 ? 4 : size);
        b.add(0x0f).add((random.nextBoolean() ? 0xb6 : 0xbe) | random.nextInt(2));
        if (random.nextBoolean()) {
          b.add(0xc0 | dst << 3 | random.nextInt(8));
        } else {
          memory(b, dst);
        }
      }
    }
    return b.bytes();
  }

  /** A growing byte array for one instruction. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes add(int value) {
      out.write(value);
      return this;
    }

    Bytes imm(int value, int size) {
      for (int i = 0; i < size; i++) {
        out.write(value >>> (8 * i));
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
