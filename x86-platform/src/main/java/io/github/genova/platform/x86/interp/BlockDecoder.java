package io.github.genova.platform.x86.interp;

import static io.github.genova.platform.x86.interp.DecodedBlock.*;

import io.github.genova.platform.x86.X86Memory;
import io.github.genova.platform.x86.X86State;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Decodes a run of instructions from one physical page into a {@link DecodedBlock}. It covers the
 * instructions that dominate real code (MOV, the ALU group, INC/DEC, PUSH/POP, LEA, TEST, MOVZX/MOVSX,
 * near jumps, calls and returns) with operand-size, address-size and segment prefixes; anything else ends
 * the block with a {@link DecodedBlock#SLOW} record. A block also ends after an unconditional control
 * transfer, at the page end or CS limit, or after {@link #MAX_INSTRUCTIONS}; it continues past a
 * conditional jump (its fall-through path), which leaves the block only when taken. Decoding never faults: bytes it cannot see
 * are left to the general path, which raises the right exception.
 */
final class BlockDecoder {
  static final int MAX_INSTRUCTIONS = 32;

  private final X86Memory memory;
  private @org.jspecify.annotations.Nullable MemorySegment page;
  private long base;
  private int pos;
  private int end;

  /** Thrown internally when an instruction runs past the bytes the block may use. */
  private static final class Truncated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Truncated() {
      super("instruction runs past the decodable bytes", null, false, false);
    }
  }

  BlockDecoder(X86Memory memory) {
    this.memory = memory;
  }

  private int byte8() {
    if (pos >= end) {
      throw new Truncated();
    }
    MemorySegment p = page;
    int v = p != null ? p.get(ValueLayout.JAVA_BYTE, (base + pos) & 0xfff) & 0xff : memory.read8(base + pos);
    pos++;
    return v;
  }

  private int imm(int size) {
    return switch (size) {
      case 1 -> byte8();
      case 2 -> byte8() | byte8() << 8;
      default -> byte8() | byte8() << 8 | byte8() << 16 | byte8() << 24;
    };
  }

  /**
   * Decodes from physical {@code start}, using at most {@code maxBytes} bytes (all in its page).
   */
  DecodedBlock decode(long start, int maxBytes, boolean code32, int generation) {
    page = memory.ramPage(start);
    base = start;
    pos = 0;
    end = maxBytes;
    int[] ops = new int[STRIDE * MAX_INSTRUCTIONS];
    int count = 0;
    while (count < MAX_INSTRUCTIONS) {
      int at = pos;
      int i = count * STRIDE;
      ops[i + OFFSET] = at;
      int kind;
      try {
        kind = one(ops, i, code32);
      } catch (RuntimeException truncated) {
        kind = SLOW;
      }
      if (kind == SLOW) {
        pos = at;
        ops[i + OP] = SLOW;
        ops[i + LEN] = 0;
        count++;
        break;
      }
      ops[i + LEN] = pos - at;
      count++;
      if (kind == JMP || kind == CALL || kind == RET) {
        break;
      }
    }
    int[] trimmed = java.util.Arrays.copyOf(ops, count * STRIDE);
    return new DecodedBlock(start, code32, generation, pos, count, trimmed);
  }

  /** Decodes one instruction into {@code o[i..]}; returns its kind (SLOW when not covered). */
  private int one(int[] o, int i, boolean code32) {
    boolean o32 = code32;
    boolean a32 = code32;
    int seg = -1;
    int op;
    while (true) {
      op = byte8();
      switch (op) {
        case 0x26 -> seg = X86State.ES;
        case 0x2e -> seg = X86State.CS;
        case 0x36 -> seg = X86State.SS;
        case 0x3e -> seg = X86State.DS;
        case 0x64 -> seg = X86State.FS;
        case 0x65 -> seg = X86State.GS;
        case 0x66 -> o32 = !code32;
        case 0x67 -> a32 = !code32;
        default -> {
          return body(o, i, op, o32 ? 4 : 2, a32, seg);
        }
      }
      if (pos > 4) {
        return SLOW;
      }
    }
  }

  private int body(int[] o, int i, int op, int osz, boolean a32, int seg) {
    if (op < 0x40 && (op & 7) < 6) {
      int aluOp = op >>> 3;
      int form = op & 7;
      int size = (form & 1) == 0 ? 1 : osz;
      o[i + SIZE] = size;
      if (form >= 4) {
        o[i + X] = X86State.EAX;
        o[i + Y] = aluOp;
        o[i + IMM] = imm(size);
        return set(o, i, ALU_R_IMM);
      }
      o[i + IMM] = aluOp;
      return regRm(o, i, form < 2, a32, seg, ALU_RR, ALU_M_R, ALU_R_M);
    }
    return switch (op) {
      case 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f -> {
        o[i + SIZE] = osz;
        o[i + X] = op & 7;
        yield set(o, i, op < 0x48 ? INC_R : DEC_R);
      }
      case 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f -> {
        o[i + SIZE] = osz;
        o[i + X] = op & 7;
        yield set(o, i, op < 0x58 ? PUSH_R : POP_R);
      }
      case 0x68, 0x6a -> {
        o[i + SIZE] = osz;
        o[i + IMM] = op == 0x68 ? imm(osz) : (byte) byte8();
        yield set(o, i, PUSH_IMM);
      }
      case 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f -> {
        o[i + SIZE] = osz;
        o[i + X] = op & 15;
        o[i + IMM] = (byte) byte8();
        yield set(o, i, JCC);
      }
      case 0x80, 0x81, 0x83 -> {
        int size = op == 0x80 ? 1 : osz;
        int modrm = byte8();
        o[i + SIZE] = size;
        o[i + Y] = (modrm >>> 3) & 7;
        int kind = modrm >= 0xc0 ? ALU_R_IMM : ALU_M_IMM;
        if (modrm >= 0xc0) {
          o[i + X] = modrm & 7;
        } else {
          ea(o, i, modrm, a32, seg);
        }
        int v = op == 0x83 ? (byte) byte8() : imm(size);
        o[i + IMM] = v & LazyFlags.mask(size * 8);
        yield set(o, i, kind);
      }
      case 0x84, 0x85 -> {
        int modrm = byte8();
        if (modrm < 0xc0) {
          yield SLOW;
        }
        o[i + SIZE] = op == 0x84 ? 1 : osz;
        o[i + X] = modrm & 7;
        o[i + Y] = (modrm >>> 3) & 7;
        yield set(o, i, TEST_RR);
      }
      case 0x88, 0x89, 0x8a, 0x8b -> {
        o[i + SIZE] = (op & 1) == 0 ? 1 : osz;
        yield regRm(o, i, op < 0x8a, a32, seg, MOV_RR, MOV_STORE, MOV_LOAD);
      }
      case 0x8d -> {
        int modrm = byte8();
        if (modrm >= 0xc0) {
          yield SLOW;
        }
        ea(o, i, modrm, a32, seg);
        o[i + SIZE] = osz;
        o[i + X] = (modrm >>> 3) & 7;
        yield set(o, i, LEA);
      }
      case 0x90 -> set(o, i, NOP);
      case 0xa8, 0xa9 -> {
        int size = op == 0xa8 ? 1 : osz;
        o[i + SIZE] = size;
        o[i + X] = X86State.EAX;
        o[i + IMM] = imm(size);
        yield set(o, i, TEST_R_IMM);
      }
      case 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf -> {
        int size = op < 0xb8 ? 1 : osz;
        o[i + SIZE] = size;
        o[i + X] = op & 7;
        o[i + IMM] = imm(size);
        yield set(o, i, MOV_R_IMM);
      }
      case 0xc3 -> {
        o[i + SIZE] = osz;
        yield set(o, i, RET);
      }
      case 0xc6, 0xc7 -> {
        int size = op == 0xc6 ? 1 : osz;
        int modrm = byte8();
        if (((modrm >>> 3) & 7) != 0) {
          yield SLOW;
        }
        o[i + SIZE] = size;
        int kind = modrm >= 0xc0 ? MOV_R_IMM : MOV_M_IMM;
        if (modrm >= 0xc0) {
          o[i + X] = modrm & 7;
        } else {
          ea(o, i, modrm, a32, seg);
        }
        o[i + IMM] = imm(size);
        yield set(o, i, kind);
      }
      case 0xe8, 0xe9 -> {
        o[i + SIZE] = osz;
        int d = imm(osz);
        o[i + IMM] = osz == 2 ? (short) d : d;
        yield set(o, i, op == 0xe8 ? CALL : JMP);
      }
      case 0xeb -> {
        o[i + SIZE] = osz;
        o[i + IMM] = (byte) byte8();
        yield set(o, i, JMP);
      }
      case 0xf6, 0xf7 -> {
        int modrm = byte8();
        if (modrm < 0xc0 || ((modrm >>> 3) & 7) != 0) {
          yield SLOW;
        }
        int size = op == 0xf6 ? 1 : osz;
        o[i + SIZE] = size;
        o[i + X] = modrm & 7;
        o[i + IMM] = imm(size);
        yield set(o, i, TEST_R_IMM);
      }
      case 0x0f -> twoByte(o, i, byte8(), osz, a32, seg);
      default -> SLOW;
    };
  }

  /**
   * Decodes the ModRM byte of a reg/rm instruction whose direction bit says whether r/m is the
   * destination ({@code toRm}): a register pair as X (destination) and Y (source) with op {@code rr}, or
   * an effective address with the register in X and op {@code toMemory} or {@code fromMemory}.
   */
  private int regRm(int[] o, int i, boolean toRm, boolean a32, int seg, int rr, int toMemory, int fromMemory) {
    int modrm = byte8();
    int reg = (modrm >>> 3) & 7;
    if (modrm >= 0xc0) {
      o[i + X] = toRm ? modrm & 7 : reg;
      o[i + Y] = toRm ? reg : modrm & 7;
      return set(o, i, rr);
    }
    ea(o, i, modrm, a32, seg);
    o[i + X] = reg;
    return set(o, i, toRm ? toMemory : fromMemory);
  }

  private int twoByte(int[] o, int i, int op, int osz, boolean a32, int seg) {
    if (op >= 0x80 && op <= 0x8f) {
      o[i + SIZE] = osz;
      o[i + X] = op & 15;
      int d = imm(osz);
      o[i + IMM] = osz == 2 ? (short) d : d;
      return set(o, i, JCC);
    }
    if (op == 0xb6 || op == 0xb7 || op == 0xbe || op == 0xbf) {
      int modrm = byte8();
      o[i + SIZE] = osz;
      o[i + X] = (modrm >>> 3) & 7;
      o[i + IMM] = ((op & 1) == 0 ? 1 : 2) | (op >= 0xbe ? 0x100 : 0);
      if (modrm >= 0xc0) {
        o[i + Y] = modrm & 7;
        return set(o, i, MOVX_R);
      }
      ea(o, i, modrm, a32, seg);
      return set(o, i, MOVX_M);
    }
    return SLOW;
  }

  private static int set(int[] o, int i, int kind) {
    o[i + OP] = kind;
    return kind;
  }

  /** Pre-decodes a ModR/M memory operand into base, index, scale, displacement, segment and mask. */
  private void ea(int[] o, int i, int modrm, boolean a32, int segOverride) {
    int mod = modrm >>> 6;
    int rm = modrm & 7;
    int b = -1;
    int x = -1;
    int scale = 0;
    int disp = 0;
    int s = X86State.DS;
    if (!a32) {
      switch (rm) {
        case 0 -> {
          b = X86State.EBX;
          x = X86State.ESI;
        }
        case 1 -> {
          b = X86State.EBX;
          x = X86State.EDI;
        }
        case 2 -> {
          b = X86State.EBP;
          x = X86State.ESI;
          s = X86State.SS;
        }
        case 3 -> {
          b = X86State.EBP;
          x = X86State.EDI;
          s = X86State.SS;
        }
        case 4 -> b = X86State.ESI;
        case 5 -> b = X86State.EDI;
        case 6 -> {
          if (mod == 0) {
            disp = imm(2);
          } else {
            b = X86State.EBP;
            s = X86State.SS;
          }
        }
        default -> b = X86State.EBX;
      }
      if (mod == 1) {
        disp += (byte) byte8();
      } else if (mod == 2) {
        disp += imm(2);
      }
    } else {
      if (rm == 4) {
        int sib = byte8();
        int index = (sib >>> 3) & 7;
        int sb = sib & 7;
        if (sb == 5 && mod == 0) {
          disp = imm(4);
        } else {
          b = sb;
          if (sb == X86State.ESP || sb == X86State.EBP) {
            s = X86State.SS;
          }
        }
        if (index != 4) {
          x = index;
          scale = sib >>> 6;
        }
      } else if (rm == 5 && mod == 0) {
        disp = imm(4);
      } else {
        b = rm;
        if (rm == X86State.EBP) {
          s = X86State.SS;
        }
      }
      if (mod == 1) {
        disp += (byte) byte8();
      } else if (mod == 2) {
        disp += imm(4);
      }
    }
    o[i + BASE] = b;
    o[i + INDEX] = x;
    o[i + SCALE] = scale;
    o[i + DISP] = disp;
    o[i + SEG] = segOverride >= 0 ? segOverride : s;
    o[i + AMASK] = a32 ? -1 : 0xffff;
  }
}
